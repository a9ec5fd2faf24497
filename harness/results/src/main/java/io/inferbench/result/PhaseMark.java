package io.inferbench.result;

/**
 * The start of a named phase on a utilization timeline (a phase lasts until the next mark or the
 * end of sampling), so a report can shade warmup apart from measurement.
 *
 * @param phase    phase name, e.g. {@code warmup} or {@code measurement}
 * @param tSeconds seconds since sampling started
 */
public record PhaseMark(String phase, double tSeconds) {
    public PhaseMark {
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("phase: must not be blank");
        }
    }
}
