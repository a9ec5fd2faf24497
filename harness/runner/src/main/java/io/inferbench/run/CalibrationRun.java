package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.optimize.ActivationRange;
import io.inferbench.api.optimize.ActivationSampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a calibration model (an ONNX model with the activations to quantize as extra outputs) on samples in this
 * JVM, with a backend's defaults on the CPU, and hands over the requested outputs' values sample by sample. The
 * parent calls it when the backend is on its class path, a probe child ({@link ProbeMain}) when it is in an
 * adapter folder.
 */
final class CalibrationRun {
    private CalibrationRun() {
    }

    /** Each sample run in turn; {@code each} receives the requested outputs' values. @return samples run */
    static int sample(BackendProvider provider, Path model, List<Map<String, Tensor>> samples, List<String> outputs,
                      Consumer<Map<String, float[]>> each) throws IOException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(provider.getClass().getClassLoader());
        try (ModelSession session = provider.open(new ModelLoadRequest(model, ModelFormat.ONNX, Device.CPU, Map.of()));
             Runner runner = session.newRunner()) {
            int runs = 0;
            for (Map<String, Tensor> sample : samples) {
                Map<String, Tensor> fetched = runner.runAndFetch(runner.prepare(sample));
                Map<String, float[]> values = new HashMap<>();
                for (String name : outputs) {
                    Tensor v = fetched.get(name);
                    if (v == null) {
                        throw new IOException("the calibration model gave no output '" + name + "'");
                    }
                    values.put(name, v.toFloatArray());
                }
                each.accept(values);
                runs++;
            }
            return runs;
        } catch (BackendException e) {
            throw new IOException(provider.name() + " could not run the calibration model: " + e.getMessage(), e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** {@link #sample} into one range per output. */
    static ActivationSampler.Observed observe(BackendProvider provider, Path model, List<Map<String, Tensor>> samples,
                                              List<String> outputs) throws IOException {
        Map<String, ActivationRange> ranges = new LinkedHashMap<>();
        outputs.forEach(o -> ranges.put(o, new ActivationRange()));
        int runs = sample(provider, model, samples, outputs, values -> values.forEach((n, v) -> ranges.get(n).add(v)));
        return new ActivationSampler.Observed(runs, ranges);
    }
}
