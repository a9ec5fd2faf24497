package io.inferbench.api.optimize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a model on calibration samples and hands back the values of some of its tensors, for static int8's
 * activation ranges. The optimizer writes {@code model} with the activations to quantize exposed as extra graph
 * outputs; the harness runs it through the configuration's backend on real samples of the scenario's inputs.
 * Blocking; called on one thread. A sampler that runs the model elsewhere (a child JVM) overrides {@link #observe}
 * to hand back only what each range observed.
 */
@FunctionalInterface
public interface ActivationSampler {
    /**
     * @param model   an ONNX model whose graph outputs include {@code outputs}
     * @param outputs the tensors to read, by name
     * @param samples at most this many samples (batches) to run
     * @param each    receives, per sample run, each output's values flattened (float32); called on the caller's
     *                thread, one sample at a time, so a large model's activations are never all held at once
     * @return how many samples were run
     * @throws IOException if the model cannot be run
     */
    int sample(Path model, List<String> outputs, int samples, Consumer<Map<String, float[]>> each) throws IOException;

    /**
     * Runs {@code model} on at most {@code samples} samples and observes each of {@code outputs}' values. By default
     * through {@link #sample}, streaming.
     *
     * @throws IOException if the model cannot be run
     */
    default Observed observe(Path model, List<String> outputs, int samples) throws IOException {
        Map<String, ActivationRange> ranges = new LinkedHashMap<>();
        outputs.forEach(o -> ranges.put(o, new ActivationRange()));
        int runs = sample(model, outputs, samples, values -> values.forEach((name, v) -> {
            ActivationRange r = ranges.get(name);
            if (r != null) {
                r.add(v);
            }
        }));
        return new Observed(runs, ranges);
    }

    /** How many samples ran and what each output's range observed over them. */
    record Observed(int runs, Map<String, ActivationRange> ranges) {
        public Observed {
            ranges = Map.copyOf(ranges);
        }
    }
}
