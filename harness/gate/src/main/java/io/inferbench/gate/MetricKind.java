package io.inferbench.gate;

/**
 * A gated metric: which way is better, how its change is measured, and the change below which
 * the gate never speaks of a regression (the default threshold; {@link GateSettings} overrides it).
 *
 * <p>Thresholds are relative changes in the worse direction for ratio metrics (0.05: a latency
 * 5% longer, a throughput 5% lower) and percentage points for accuracy.
 */
public enum MetricKind {
    /** Median latency. */
    P50("p50", Direction.LOWER_IS_BETTER, ChangeScale.RATIO, 0.05),
    /** 99th-percentile latency. */
    P99("p99", Direction.LOWER_IS_BETTER, ChangeScale.RATIO, 0.05),
    /** Completed inferences per second. */
    THROUGHPUT("throughput", Direction.HIGHER_IS_BETTER, ChangeScale.RATIO, 0.05),
    /** The first accuracy task's main metric, a proportion in [0, 1]. */
    ACCURACY("accuracy", Direction.HIGHER_IS_BETTER, ChangeScale.POINTS, 1.0),
    /** Peak resident memory: allocator and GC timing move it more than latency moves. */
    PEAK_RSS("peak RSS", Direction.LOWER_IS_BETTER, ChangeScale.RATIO, 0.10),
    /**
     * Energy per inference. 10%, as for memory: the energy counters (RAPL) read the whole package,
     * so on a shared machine other jobs' power lands in it, on top of latency's own noise.
     */
    ENERGY_PER_INFERENCE("energy per inference", Direction.LOWER_IS_BETTER, ChangeScale.RATIO, 0.10);

    private final String label;
    private final Direction direction;
    private final ChangeScale scale;
    private final double defaultThreshold;

    MetricKind(String label, Direction direction, ChangeScale scale, double defaultThreshold) {
        this.label = label;
        this.direction = direction;
        this.scale = scale;
        this.defaultThreshold = defaultThreshold;
    }

    /** How reports name it, e.g. {@code p99}. */
    public String label() {
        return label;
    }

    public Direction direction() {
        return direction;
    }

    public ChangeScale scale() {
        return scale;
    }

    /** Relative change in the worse direction (fraction), or points for accuracy. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /**
     * A difference on the statistics' scale (current − baseline) as a change in the worse
     * direction: positive when worse, e.g. 0.10 for a latency 10% longer or a throughput 10% lower.
     */
    public double worseChange(double delta) {
        return direction.worseSign() * scale.relative(delta);
    }

    /**
     * The inverse of {@link #worseChange}, made positive-when-worse: how far (on the statistics'
     * scale) a value must move the worse way to be {@code worseChange} worse.
     */
    public double worseDelta(double worseChange) {
        int sign = direction.worseSign();
        return sign * scale.delta(sign * worseChange);
    }
}
