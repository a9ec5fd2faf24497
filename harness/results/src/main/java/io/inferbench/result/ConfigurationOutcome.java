package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a configuration ended: measured ({@link Ok}, with its verdict), {@link Failed} with the error,
 * or {@link Skipped} with the reason it was not attempted. In JSON, an object whose {@code status}
 * is {@code OK}, {@code FAILED} or {@code SKIPPED}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "status")
@JsonSubTypes({@JsonSubTypes.Type(value = ConfigurationOutcome.Ok.class, name = "OK"),
        @JsonSubTypes.Type(value = ConfigurationOutcome.Failed.class, name = "FAILED"),
        @JsonSubTypes.Type(value = ConfigurationOutcome.Skipped.class, name = "SKIPPED")})
public sealed interface ConfigurationOutcome {
    /** The status this outcome stands for. */
    ConfigurationStatus status();

    /** Why nothing counts: the error of a failed one, the reason of a skipped one; null when measured. */
    String reason();

    /**
     * Measured. Whether the measurement counts is the verdict.
     *
     * @param verdict VALID or INVALID with reasons; null when not evaluated
     */
    record Ok(Verdict verdict) implements ConfigurationOutcome {
        @Override
        public ConfigurationStatus status() {
            return ConfigurationStatus.OK;
        }

        @Override
        public String reason() {
            return null;
        }
    }

    /**
     * Loading or running failed.
     *
     * @param error why, possibly several lines (a crashed fork's stderr tail)
     */
    record Failed(String error) implements ConfigurationOutcome {
        @Override
        public ConfigurationStatus status() {
            return ConfigurationStatus.FAILED;
        }

        @Override
        public String reason() {
            return error;
        }
    }

    /**
     * Not attempted: e.g. no GPU found, or the backend does not support the model.
     *
     * @param reason why, on one line
     */
    record Skipped(String reason) implements ConfigurationOutcome {
        @Override
        public ConfigurationStatus status() {
            return ConfigurationStatus.SKIPPED;
        }
    }

    /** A configuration that measured nothing: FAILED or SKIPPED with the reason. */
    static ConfigurationOutcome notMeasured(ConfigurationStatus status, String reason) {
        return switch (status) {
            case FAILED -> new Failed(reason);
            case SKIPPED -> new Skipped(reason);
            case OK -> throw new IllegalArgumentException("status: a configuration not measured cannot be OK");
        };
    }
}
