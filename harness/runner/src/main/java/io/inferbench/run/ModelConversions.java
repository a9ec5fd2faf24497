package io.inferbench.run;

import io.inferbench.api.ModelFormat;
import io.inferbench.model.ResolvedModel;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ConversionInfo;
import io.inferbench.scenario.ConfigurationSpec;

/**
 * Brings a configuration's model into a format its backend loads, when the backend does not load
 * the model's own format but an installed {@link io.inferbench.api.ModelConverter} converts it
 * ({@link io.inferbench.run.CachedConversions}: in a child JVM, cached).
 */
@FunctionalInterface
public interface ModelConversions {
    /** No conversions: every backend loads its model as it is. */
    ModelConversions NONE = (c, m) -> null;

    /** What became of the model. */
    sealed interface Outcome {
    }

    /** The converted model, loaded in {@code format}. */
    record Converted(ResolvedModel model, ModelFormat format, ConversionInfo info) implements Outcome {
    }

    /** No converted model: the configuration is recorded as {@code status} with {@code reason}. */
    record Failed(ConfigurationStatus status, String reason) implements Outcome {
    }

    /**
     * The model of {@code c}, converted; null when its backend loads {@code source} as it is, or
     * when no converter applies.
     */
    Outcome convert(ConfigurationSpec c, ResolvedModel source);
}
