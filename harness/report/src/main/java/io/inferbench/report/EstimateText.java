package io.inferbench.report;

import io.inferbench.result.Estimate;
import java.util.function.DoubleFunction;

/** An {@link Estimate} as report text: its value, its 95% interval and sample size, or why it has none. */
final class EstimateText {
    private EstimateText() {
    }

    /**
     * The interval and sample size for a table cell's second line: {@code 370–402 · n 24}, or the
     * reason there is none (for one observation always {@code n = 1, no interval}); null without an
     * estimate.
     */
    static String ci(Estimate e, DoubleFunction<String> format) {
        if (e == null) {
            return null;
        }
        if (e.ci95() == null) {
            // A cell has room for the short form; the details card gives the whole reason.
            return e.n() <= 1 ? Estimate.SINGLE : e.noInterval();
        }
        return format.apply(e.ci95().low()) + "–" + format.apply(e.ci95().high()) + " · n " + e.n()
                + (e.ci95().bounded() ? "" : " (unbounded)");
    }

    /**
     * The value with its interval and what it rests on, for a detail row:
     * {@code 386% (95% CI 370–402; n = 24 utilization intervals)}, {@code 412 ms (n = 1, no interval)}.
     */
    static String full(Estimate e, DoubleFunction<String> format) {
        if (e == null) {
            return Formats.MISSING;
        }
        String value = format.apply(e.value());
        if (e.ci95() == null) {
            return value + " (" + e.noInterval() + ")";
        }
        return value + " (95% CI " + format.apply(e.ci95().low()) + "–" + format.apply(e.ci95().high())
                + (e.ci95().bounded() ? "" : ", unbounded") + "; n = " + e.n() + " " + e.over() + ")";
    }
}
