package io.inferbench.compare;

import java.util.SplittableRandom;

/**
 * Beta variates from a seeded {@link SplittableRandom}, as a ratio of two gamma variates
 * (Marsaglia and Tsang's method, valid for shapes ≥ 1, the only ones order statistics need).
 */
final class BetaSampler {
    private BetaSampler() {
    }

    /** A Beta(a, b) variate; a, b ≥ 1. */
    static double sample(double a, double b, SplittableRandom random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    /** A Gamma(shape, 1) variate, shape ≥ 1 (Marsaglia and Tsang 2000, ACM TOMS 26(3)). */
    static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            // The squeeze accepts ~98% of draws without a logarithm.
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
