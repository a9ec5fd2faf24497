package io.inferbench.result;

/**
 * How a run compared its configurations with their baselines (the scenario's {@code compare:}), so
 * that the report can state it: the statistic, the equivalence margin, and the correction of the
 * p-values for making several comparisons at once.
 *
 * @param metric        the statistic behind each ratio and verdict: {@code median}, {@code p90} or {@code p99}
 * @param marginPercent the equivalence margin X in percent: ratios in (1/(1+X), 1+X) count as equal
 * @param correction    {@code holm} when the Mann–Whitney p-values were Holm-adjusted over the run's
 *                      comparisons, {@code none} for a single comparison (nothing to adjust)
 * @param comparisons   the comparisons made, K: the family the adjustment runs over
 */
public record ComparisonSettings(String metric, double marginPercent, String correction, int comparisons) {
    public static final String HOLM = "holm";
    public static final String NONE = "none";

    public ComparisonSettings {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric is required");
        }
        if (!(marginPercent > 0 && marginPercent < 100)) {
            throw new IllegalArgumentException("marginPercent must be in (0, 100), got " + marginPercent);
        }
        if (!HOLM.equals(correction) && !NONE.equals(correction)) {
            throw new IllegalArgumentException("correction must be holm or none, got " + correction);
        }
        if (comparisons < 0) {
            throw new IllegalArgumentException("comparisons must be at least 0, got " + comparisons);
        }
    }

    /** The settings of {@code comparisons} comparisons: Holm's correction when there are at least two. */
    public static ComparisonSettings of(String metric, double marginPercent, int comparisons) {
        return new ComparisonSettings(metric, marginPercent, comparisons >= 2 ? HOLM : NONE, comparisons);
    }

    /** Whether the p-values were adjusted. */
    public boolean adjusted() {
        return HOLM.equals(correction);
    }
}
