package io.inferbench.run;

import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.OptimizationStep.Calibration;
import io.inferbench.input.DataFile;
import io.inferbench.input.InputPlan;
import io.inferbench.input.SampleFactory;
import io.inferbench.input.TextEncoder;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.scenario.InputSpec;
import io.inferbench.scenario.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Static int8's calibration for one configuration: samples of the scenario's inputs as the run will feed them
 * (its texts tokenized, its data file, or its seeded random tensors) or of the step's {@code calibration.dataset}
 * (a data file as {@code inputs.data} takes it), run through ONNX Runtime ({@link OptimizationRuntimes}) as ONNX
 * Runtime's {@code quantize_static} calibrates. The samples are built against the inputs the calibration model
 * declares. A sample set that does not fit the model is an {@link IllegalArgumentException} naming the field.
 */
final class ScenarioCalibration implements ActivationSampler {
    private final OptimizationRuntimes runtimes;
    private final InputSpec spec;
    private final ModelOptimizations.CalibrationInputs inputs;
    private final Calibration calibration;

    /** @param spec the configuration's inputs (or defaults, for {@code inferbench optimize} on a dataset) */
    ScenarioCalibration(OptimizationRuntimes runtimes, InputSpec spec, ModelOptimizations.CalibrationInputs inputs,
                        Calibration calibration) {
        this.runtimes = runtimes;
        this.spec = spec;
        this.inputs = inputs;
        this.calibration = calibration;
    }

    /** The dataset file of {@code calibration}, resolved against the scenario's folder; null for the inputs. */
    static Path dataset(Calibration calibration, ModelOptimizations.CalibrationInputs inputs) {
        if (calibration == null || calibration.source().equals("inputs")) {
            return null;
        }
        Path p = Path.of(calibration.source());
        return p.isAbsolute() || inputs == null || inputs.baseDir() == null ? p : inputs.baseDir().resolve(p).normalize();
    }

    @Override
    public int sample(Path model, List<String> outputs, int samples, Consumer<Map<String, float[]>> each)
            throws IOException {
        return CalibrationRun.sample(runtimes.calibrationProvider(), model, samples(model, samples), outputs, each);
    }

    @Override
    public Observed observe(Path model, List<String> outputs, int samples) throws IOException {
        return runtimes.observe(model, samples(model, samples), outputs);
    }

    /** At most {@code count} samples for {@code model}'s declared inputs. */
    List<Map<String, Tensor>> samples(Path model, int count) throws IOException {
        BackendProbe.ModelShape shape = runtimes.describe(model);
        if (shape.failure() != null) {
            throw new IOException(OptimizationRuntimes.CALIBRATION_BACKEND + " cannot open the calibration model: "
                    + shape.failure());
        }
        InputPlan plan = plan(shape.inputs());
        Path dataset = dataset(calibration, inputs);
        InputSpec in = spec;
        List<Map<String, Tensor>> all;
        if (dataset != null) {
            if (!Files.isRegularFile(dataset)) {
                throw new IllegalArgumentException("quantize.calibration.dataset: no such file: " + dataset);
            }
            all = read(dataset, plan, "quantize.calibration.dataset");
        } else if (in.data() != null) {
            all = read(in.data(), plan, "inputs.data");
        } else if (inputs == null || inputs.tokenizer() == null) {
            all = SampleFactory.build(plan, count, in.seed(), null, null);
        } else {
            try (TextEncoder encoder = TextEncoder.open(inputs.tokenizer().path(), in.sequenceLength())) {
                all = SampleFactory.build(plan, count, in.seed(), inputs.texts(), encoder, in.text().padding())
                        .samples();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("the calibration texts could not be tokenized: " + e.getMessage(), e);
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("quantize.calibration: no calibration sample");
        }
        return all.size() <= count ? all : List.copyOf(all.subList(0, count));
    }

    private InputPlan plan(List<TensorSpec> declared) {
        List<Problem> problems = new ArrayList<>();
        InputPlan plan = InputPlan.resolve(spec, declared, "calibration", problems);
        if (plan == null || !problems.isEmpty()) {
            throw new IllegalArgumentException("quantize.calibration: the scenario's inputs do not fit the model: "
                    + (problems.isEmpty() ? "no input plan" : problems.get(0).message()));
        }
        return plan;
    }

    private static List<Map<String, Tensor>> read(Path file, InputPlan plan, String field) {
        try {
            return DataFile.read(file, plan);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
