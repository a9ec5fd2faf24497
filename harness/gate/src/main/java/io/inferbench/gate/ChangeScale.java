package io.inferbench.gate;

/**
 * How a metric's change is measured, and the scale its statistics work on. Latency, throughput,
 * memory and energy change by a ratio and are tested on logarithms, where multiplicative noise (a
 * machine 3% slower slows a 1 ms and a 100 ms configuration alike) becomes additive and a ratio
 * becomes a difference. Accuracy changes by a difference in percentage points: a proportion near
 * 1 has no meaningful ratio (0.99 → 0.98 is "1%" but doubles the errors).
 */
public enum ChangeScale {
    /** The change is current / baseline; statistics on the natural logarithm. */
    RATIO {
        @Override
        public double transform(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("a ratio metric's value must be positive and finite, got " + value);
            }
            return Math.log(value);
        }

        @Override
        public double untransform(double scaled) {
            return Math.exp(scaled);
        }

        @Override
        public double change(double delta) {
            return Math.exp(delta);
        }

        @Override
        public double relative(double delta) {
            return Math.expm1(delta);
        }

        @Override
        public double delta(double relative) {
            return Math.log1p(relative);
        }
    },

    /** The change is current − baseline in percentage points, for proportions in [0, 1]. */
    POINTS {
        @Override
        public double transform(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a proportion must be finite, got " + value);
            }
            return 100 * value;
        }

        @Override
        public double untransform(double scaled) {
            return scaled / 100;
        }

        @Override
        public double change(double delta) {
            return delta;
        }

        @Override
        public double relative(double delta) {
            return delta;
        }

        @Override
        public double delta(double relative) {
            return relative;
        }
    };

    /** A value on the statistics' scale: its logarithm, or its percentage points. */
    public abstract double transform(double value);

    /** The inverse of {@link #transform}. */
    public abstract double untransform(double scaled);

    /** A difference on the statistics' scale as the change users read: a ratio, or a difference in points. */
    public abstract double change(double delta);

    /** A difference on the statistics' scale as a signed relative change (ratio − 1), or points. */
    public abstract double relative(double delta);

    /** The inverse of {@link #relative}. */
    public abstract double delta(double relative);
}
