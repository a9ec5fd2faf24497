package io.inferbench.export;

import io.inferbench.api.Interval;

/**
 * One metric of one configuration, as measured.
 *
 * @param metric     which
 * @param value      the estimate, in {@link Metric#unit()}
 * @param ci95       its 95% confidence interval; null when the result has none (memory, energy)
 * @param sampleSize what the estimate rests on (latencies, queries, accuracy items); 0 when not a sample
 */
public record Figure(Metric metric, double value, Interval ci95, long sampleSize) {
    public Figure {
        if (metric == null) {
            throw new IllegalArgumentException("metric: a figure names its metric");
        }
    }
}
