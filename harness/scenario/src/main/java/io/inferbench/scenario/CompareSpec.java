package io.inferbench.scenario;

import java.util.List;

/**
 * The scenario's {@code compare:} block: how each configuration is compared with its baseline.
 *
 * @param metric        {@code median}, {@code p90} or {@code p99}: the latency statistic behind the ratio
 *                      and the verdict
 * @param marginPercent the equivalence margin X in percent, in (0, 100): ratios within (1/(1+X), 1+X)
 *                      are called equivalent
 */
public record CompareSpec(String metric, double marginPercent) {
    /** The statistics a comparison can be made on. */
    public static final List<String> METRICS = List.of("median", "p90", "p99");
    /** Without the block: the median within ±5%. */
    public static final CompareSpec DEFAULT = new CompareSpec("median", 5);

    public CompareSpec {
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("metric must be one of " + METRICS + ", got " + metric);
        }
        if (!(marginPercent > 0 && marginPercent < 100)) {
            throw new IllegalArgumentException("marginPercent must be in (0, 100), got " + marginPercent);
        }
    }
}
