package io.inferbench.report;

import io.inferbench.api.Interval;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Number, size, time and interval formatting for the report, locale-independent so a report reads
 * the same everywhere. Missing values (null, NaN) become an em dash.
 */
final class Formats {
    /** What the report shows for a value that was not measured. */
    static final String MISSING = "—";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A latency in ms with three significant digits: {@code 0.0482}, {@code 4.27}, {@code 31.6}, {@code 1,204}. */
    static String ms(double ms) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            return MISSING;
        }
        double a = Math.abs(ms);
        if (a == 0) {
            return "0";
        }
        // Three significant digits, e.g. 4.27 or 0.0482; at most six decimals (1 ns).
        int digits = a >= 100 ? 0 : Math.min(6, 2 - (int) Math.floor(Math.log10(a)));
        return decimal(ms, digits);
    }

    /** A rate (queries or samples per second) with about three significant digits. */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            return MISSING;
        }
        double a = Math.abs(perSecond);
        return decimal(perSecond, a >= 100 ? 0 : a >= 10 ? 1 : 2);
    }

    /** A count with thousands separators: {@code 24,360}. */
    static String count(long n) {
        return decimal(n, 0);
    }

    /** A byte count in binary units: {@code 97.8 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return MISSING;
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : decimal(v, v >= 100 ? 0 : 1) + " " + units[u];
    }

    /** A wall time given in ms: {@code 850 ms}, {@code 12.3 s}, {@code 2 min 05 s}. */
    static String duration(double ms) {
        if (Double.isNaN(ms) || ms < 0) {
            return MISSING;
        }
        if (ms < 1000) {
            return decimal(ms, 0) + " ms";
        }
        if (ms < 60_000) {
            return decimal(ms / 1000, 1) + " s";
        }
        long s = Math.round(ms / 1000);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** A wall time between two instants, or the missing mark when either is null. */
    static String between(Instant from, Instant to) {
        return from == null || to == null ? MISSING : duration(Duration.between(from, to).toMillis());
    }

    /** An instant as {@code 2026-11-22 10:15:00 UTC}. */
    static String instant(Instant t) {
        return t == null ? MISSING : TIMESTAMP.format(t);
    }

    /** A confidence interval of latencies as {@code 1.20–1.26}, or null when there is none. */
    static String range(Interval ci) {
        if (ci == null || Double.isNaN(ci.low()) || Double.isNaN(ci.high())) {
            return null;
        }
        return ms(ci.low()) + "–" + ms(ci.high());
    }

    /** A percentage with one decimal: {@code 2.1%}; the missing mark for NaN. */
    static String percent(double percent) {
        return Double.isFinite(percent) ? decimal(percent, 1) + "%" : MISSING;
    }

    /** A percentile as a column heading: {@code p50}, {@code p99.9}. */
    static String percentile(double p) {
        return "p" + NiceScale.label(p);
    }

    /**
     * A load level as configured, exactly (a search bisects to values like 38.75): a rate as
     * {@code 37.5 q/s}, a concurrency as {@code 8 in flight}.
     */
    static String load(String searched, double load) {
        if (!Double.isFinite(load)) {
            return MISSING;
        }
        return NiceScale.label(load) + ("concurrency".equals(searched) ? " in flight" : " q/s");
    }

    /** A latency objective as written in a scenario: {@code p99 ≤ 50 ms}. */
    static String objective(double percentile, double sloMs) {
        return percentile(percentile) + " ≤ " + (Double.isFinite(sloMs) ? NiceScale.label(sloMs) : MISSING) + " ms";
    }

    /**
     * The first line of a possibly multi-line message (a crashed fork's error is a reason line,
     * then its stderr tail): what fits a table cell. Null stays null.
     */
    static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).stripTrailing() + " …";
    }

    /** The text, or the missing mark when it is null or blank. */
    static String text(String s) {
        return s == null || s.isBlank() ? MISSING : s;
    }

    static String decimal(double v, int digits) {
        DecimalFormat f = DECIMAL.get();
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v);
    }

    /** DecimalFormat is costly to build and not thread-safe: one per thread (sites render pages in parallel). */
    private static final ThreadLocal<DecimalFormat> DECIMAL = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
}
