package io.inferbench.run;

import io.inferbench.model.ResolvedModel;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.scenario.ConfigurationSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies a configuration's {@code optimization.steps} to its model before anything loads it (and before a
 * conversion to the backend's format), e.g. {@link CachedOptimizations}: each produced model cached.
 */
@FunctionalInterface
public interface ModelOptimizations {
    /** No optimizer installed: a configuration with steps is refused with that reason. */
    ModelOptimizations NONE = (c, m) -> c.optimizationSteps().isEmpty() ? null : new Refused("optimization.steps: no"
            + " optimizer is installed in this harness (the distribution's optimizer folder is missing)");

    /** What became of the model. */
    sealed interface Outcome {
    }

    /** The model the steps produced, with each step's record. */
    record Optimized(ResolvedModel model, List<OptimizationInfo> steps) implements Outcome {
        public Optimized {
            steps = List.copyOf(steps);
        }
    }

    /** The steps cannot apply to this model (bad input: the message names the field). */
    record Refused(String message) implements Outcome {
    }

    /** The optimizer failed on this model: the configuration is recorded as failed with {@code reason}. */
    record Failed(String reason) implements Outcome {
    }

    /** The model of {@code c} after its steps; null when it has none. */
    Outcome optimize(ConfigurationSpec c, ResolvedModel source);

    /**
     * {@link #optimize(ConfigurationSpec, ResolvedModel)} with what static int8 calibrates on: the configuration's
     * resolved inputs. By default the inputs are not used (an optimizer without calibration).
     */
    default Outcome optimize(ConfigurationSpec c, ResolvedModel source, CalibrationInputs inputs) {
        return optimize(c, source);
    }

    /**
     * A configuration's inputs as preflight resolved them, for calibration samples.
     *
     * @param tokenizer the resolved tokenizer, or null for random or file inputs
     * @param texts     the lines of text, or null
     * @param baseDir   the folder a calibration dataset's relative path resolves against (the scenario's)
     */
    record CalibrationInputs(ResolvedModel tokenizer, List<String> texts, Path baseDir) {
        public CalibrationInputs {
            texts = texts == null ? null : List.copyOf(texts);
        }
    }
}
