package io.inferbench.report;

import io.inferbench.load.HistogramCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency percentile distribution of one histogram, as HdrHistogram plots it: latency against
 * percentile on a log {@code 1/(1−p)} axis, so that 90%, 99%, 99.9% ... are evenly spaced.
 *
 * @param points one point per percentile step, in increasing percentile order, below 100%
 * @param count  number of values in the histogram
 */
record PercentileCurve(List<Point> points, long count) {
    /** Percentile steps per halving of the distance to 100%, as in HdrHistogram's own output. */
    static final int TICKS_PER_HALF_DISTANCE = 8;

    /**
     * A point of the curve.
     *
     * @param percentile 0 to 100 (exclusive)
     * @param ms         latency at that percentile, in milliseconds
     */
    record Point(double percentile, double ms) {
    }

    PercentileCurve {
        points = List.copyOf(points);
    }

    /** The curve of a histogram in the result's encoding (nanoseconds); empty for null or empty input. */
    static PercentileCurve decode(String base64) {
        return of(HistogramCodec.decode(base64));
    }

    /** The curve of a histogram of nanosecond values. The 100% point is left out: it lies at infinity. */
    static PercentileCurve of(Histogram h) {
        List<Point> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100.0) {
                    break;
                }
                points.add(new Point(p, v.getValueIteratedTo() / 1e6));
            }
        }
        return new PercentileCurve(points, h.getTotalCount());
    }

    /** Position of a percentile on the log axis: {@code log10(1/(1−p))}; 0% → 0, 90% → 1, 99% → 2. */
    static double position(double percentile) {
        return Math.log10(100.0 / (100.0 - percentile));
    }

    /** The percentile at an integer position: 0 → {@code 0%}, 1 → {@code 90%}, 3 → {@code 99.9%}. */
    static String tickLabel(int position) {
        if (position == 0) {
            return "0%";
        }
        BigDecimal p = BigDecimal.valueOf(100).subtract(BigDecimal.ONE.scaleByPowerOfTen(2 - position));
        return p.stripTrailingZeros().toPlainString() + "%";
    }

    /** Whole decades the sample can resolve: a sample of n reaches at most {@code 1 − 1/n}. */
    int decades() {
        return count <= 1 ? 0 : (int) Math.ceil(Math.log10(count) - 1e-9);
    }

    /** Largest latency of the points up to {@code maxPosition} on the log axis, or 0 when none. */
    double maxMsUpTo(double maxPosition) {
        return points.stream().filter(p -> position(p.percentile()) <= maxPosition)
                .mapToDouble(Point::ms).max().orElse(0);
    }
}
