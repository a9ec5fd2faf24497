package io.inferbench.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from zero to a "nice" maximum with round tick values (1, 2, 2.5 or 5 times a
 * power of ten), so axis labels read like a person chose them.
 *
 * @param max   top of the axis, at least the largest value to show
 * @param step  distance between ticks
 */
record NiceScale(double max, double step) {
    /** DecimalFormat is costly to build and not thread-safe: one per thread. */
    private static final ThreadLocal<DecimalFormat> LABEL = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** A scale from 0 covering {@code dataMax} with about {@code ticks} intervals. */
    static NiceScale covering(double dataMax, int ticks) {
        if (!(dataMax > 0) || Double.isInfinite(dataMax)) {
            return new NiceScale(1, 1.0 / ticks);
        }
        double raw = dataMax / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        return new NiceScale(Math.ceil(dataMax / step - 1e-9) * step, step);
    }

    /** The tick values from 0 to {@link #max}, inclusive. */
    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        long n = Math.round(max / step);
        for (long i = 0; i <= n; i++) {
            t.add(i * step);
        }
        return t;
    }

    /** A tick label without trailing zeros: {@code 0.25}, {@code 2.5}, {@code 1,000}. */
    static String label(double v) {
        return LABEL.get().format(v);
    }
}
