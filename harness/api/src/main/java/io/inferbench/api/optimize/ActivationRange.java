package io.inferbench.api.optimize;

import io.inferbench.api.optimize.OptimizationStep.Calibration;
import java.util.Arrays;

/**
 * One activation's observed values, for static int8: the minimum, the maximum and a histogram of |x| over
 * [0, bound) that doubles its bound (merging bin pairs) when a larger value arrives, so samples stream through
 * without being kept. Its {@link #range} follows ONNX Runtime's calibrators: minmax takes [min, max];
 * percentile clips |x| at the 99.999th percentile; entropy takes the threshold whose 128-level quantization of
 * the histogram has the least KL divergence from it (TensorRT's method). In the api so that the harness can
 * observe ranges where the calibration runs (a child JVM with ONNX Runtime) and hand back only their
 * {@link Snapshot}s. Not thread-safe.
 */
public final class ActivationRange {
    public static final int BINS = 2048;
    public static final double PERCENTILE = 99.999;
    private static final int LEVELS = 128;

    private final long[] histogram = new long[BINS];
    private double bound;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;
    private long count;

    /** What a range has observed, as plain values (for JSON between JVMs). */
    public record Snapshot(float min, float max, double bound, long count, long[] histogram) {
        public Snapshot {
            if (histogram == null || histogram.length != BINS) {
                throw new IllegalArgumentException("an activation range's histogram has " + BINS + " bins");
            }
            histogram = histogram.clone();
        }

        @Override
        public long[] histogram() {
            return histogram.clone();
        }
    }

    public ActivationRange() {
    }

    /** A range that has observed what {@code snapshot} holds. */
    public static ActivationRange of(Snapshot snapshot) {
        ActivationRange r = new ActivationRange();
        if (snapshot.count() > 0) {
            r.min = snapshot.min();
            r.max = snapshot.max();
            r.bound = snapshot.bound();
            r.count = snapshot.count();
            System.arraycopy(snapshot.histogram(), 0, r.histogram, 0, BINS);
        }
        return r;
    }

    /** What this range has observed (zeros when nothing yet). */
    public Snapshot snapshot() {
        return count == 0 ? new Snapshot(0, 0, 0, 0, new long[BINS])
                : new Snapshot(min, max, bound, count, Arrays.copyOf(histogram, BINS));
    }

    /** Observes {@code values}; NaNs are skipped. */
    public void add(float[] values) {
        for (float v : values) {
            if (Float.isNaN(v)) {
                continue;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            double a = Math.abs(v);
            if (bound == 0) {
                bound = Math.max(a, 1e-6) * 1.0001;
            }
            while (a >= bound) {
                grow();
            }
            histogram[(int) (a / bound * BINS)]++;
            count++;
        }
    }

    private void grow() {
        for (int i = 0; i < BINS / 2; i++) {
            histogram[i] = histogram[2 * i] + histogram[2 * i + 1];
        }
        Arrays.fill(histogram, BINS / 2, BINS, 0);
        bound *= 2;
    }

    public long count() {
        return count;
    }

    /** {low, high}, always including 0 (as ONNX Runtime's quantizer does). */
    public float[] range(Calibration.Method method) {
        if (count == 0) {
            return new float[] {0, 0};
        }
        float lo = min;
        float hi = max;
        if (method != Calibration.Method.MINMAX) {
            float t = (float) (method == Calibration.Method.PERCENTILE ? percentile() : entropyThreshold());
            lo = Math.max(lo, -t);
            hi = Math.min(hi, t);
        }
        return new float[] {Math.min(lo, 0), Math.max(hi, 0)};
    }

    private double percentile() {
        long target = (long) Math.ceil(count * PERCENTILE / 100);
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += histogram[i];
            if (seen >= target) {
                return (i + 1) * bound / BINS;
            }
        }
        return bound;
    }

    /** TensorRT's entropy calibration on the |x| histogram. */
    private double entropyThreshold() {
        double best = Double.POSITIVE_INFINITY;
        int bestBins = BINS;
        for (int i = LEVELS; i <= BINS; i += 16) {
            double[] p = new double[i];
            for (int b = 0; b < i; b++) {
                p[b] = histogram[b];
            }
            for (int b = i; b < BINS; b++) {
                p[i - 1] += histogram[b];
            }
            double[] q = quantized(p);
            double kl = divergence(p, q);
            if (kl < best) {
                best = kl;
                bestBins = i;
            }
        }
        return bestBins * bound / BINS;
    }

    /** {@code p} merged into 128 levels and spread back over their non-empty bins. */
    private static double[] quantized(double[] p) {
        int bins = p.length;
        double[] q = new double[bins];
        double perLevel = (double) bins / LEVELS;
        for (int level = 0; level < LEVELS; level++) {
            int start = (int) Math.round(level * perLevel);
            int end = level == LEVELS - 1 ? bins : (int) Math.round((level + 1) * perLevel);
            double sum = 0;
            int nonEmpty = 0;
            for (int b = start; b < end; b++) {
                sum += p[b];
                nonEmpty += p[b] > 0 ? 1 : 0;
            }
            for (int b = start; b < end; b++) {
                q[b] = p[b] > 0 ? sum / nonEmpty : 0;
            }
        }
        return q;
    }

    private static double divergence(double[] p, double[] q) {
        double ps = 0;
        double qs = 0;
        for (int i = 0; i < p.length; i++) {
            ps += p[i];
            qs += q[i];
        }
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                double pi = p[i] / ps;
                double qi = q[i] > 0 ? q[i] / qs : 1e-12;
                kl += pi * Math.log(pi / qi);
            }
        }
        return kl;
    }
}
