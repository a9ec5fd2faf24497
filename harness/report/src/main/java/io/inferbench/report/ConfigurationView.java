package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One configuration as the templates see it: a row of the comparison table plus its details.
 * Every figure is already formatted; the templates only place text.
 *
 * @param id          configuration id, e.g. {@code c01}
 * @param label       human label (the id when the result has none)
 * @param colour      its series colour in the charts, or null when it has no measurement to plot
 * @param backend     backend provider
 * @param device      device
 * @param load        load profile
 * @param status      {@code VALID}, {@code INVALID}, {@code FAILED} or {@code SKIPPED}
 * @param statusClass lower-case status, for CSS
 * @param flags       further badges: {@code OVERLOADED}, {@code UNSTABLE}; empty when none apply
 * @param reason      why it failed, was skipped or is invalid, on one line (the first line of a
 *                    multi-line error); null when valid
 * @param error       the whole error of a failed or skipped configuration, possibly many lines
 *                    (a crashed fork's stderr tail); null when there is none
 * @param reasons     every rule an INVALID measurement broke, one per entry; empty otherwise
 * @param measurement the measured figures; null unless the configuration ran
 * @param warmup      the warmup phase (excluded from the measurement)
 * @param details     model, tensors, settings
 */
record ConfigurationView(String id, String label, String colour, String backend, String device, String load,
                         String status, String statusClass, List<Flag> flags, String reason, String error,
                         List<String> reasons, Measurement measurement, Warmup warmup,
                         ConfigurationDetails details) {
    /** The percentiles the comparison table shows, in column order. */
    static final List<Double> PERCENTILES = List.of(50.0, 90.0, 95.0, 99.0, 99.9);

    /**
     * A latency figure with its 95% confidence interval.
     *
     * @param value   the point estimate, formatted
     * @param ci      the interval as {@code low–high} or {@code ± half width}; null when there is none
     * @param bounded false when the sample was too small to bound the interval
     * @param best    true for the lowest median of all valid configurations
     */
    record Stat(String value, String ci, boolean bounded, boolean best) {
    }

    /**
     * A badge beside the status.
     *
     * @param text     e.g. {@code OVERLOADED}
     * @param cssClass lower-case text, for CSS
     */
    record Flag(String text, String cssClass) {
    }

    /**
     * The measured phase, formatted.
     *
     * @param queries        queries completed
     * @param throughput     queries per second
     * @param throughputCi   its 95% confidence interval as {@code low–high}; null when not bounded
     * @param bestThroughput true for the highest throughput of all valid configurations
     * @param mean           mean latency, the half width of its 95% CI in {@code ci}
     * @param percentiles    one entry per {@link #PERCENTILES}
     * @param max            largest latency
     * @param errors         queries that failed
     * @param hasErrors      true when any query failed
     */
    record Measurement(String queries, String throughput, String throughputCi, boolean bestThroughput, Stat mean, List<Stat> percentiles,
                       String max, String errors, boolean hasErrors) {
    }

    /**
     * The warmup phase: run before, and excluded from, the measurement.
     *
     * @param queries  queries run
     * @param duration wall time
     */
    record Warmup(String queries, String duration) {
    }

    /**
     * The view of {@code c}.
     *
     * @param colour  its chart colour, or null when it is not plotted
     * @param fastest true when it has the lowest median of the valid configurations
     * @param busiest true when it has the highest throughput of the valid configurations
     */
    static ConfigurationView of(ConfigurationResult c, String colour, boolean fastest, boolean busiest) {
        String status = status(c);
        PhaseResult w = c.phases().warmup();
        Warmup warmup = w == null ? new Warmup(Formats.MISSING, Formats.MISSING)
                : new Warmup(Formats.count(w.queries()), Formats.duration(w.durationMs()));
        String why = c.outcome() == null ? null : c.outcome().reason();
        String error = why != null && !why.isBlank() ? why.strip() : null;
        ConfigurationSetup s = c.setup();
        return new ConfigurationView(Formats.text(c.id()), label(c), colour, Formats.text(s.backend()),
                Formats.text(s.device()), Formats.text(s.load()), status, cssClass(status), flags(c),
                Formats.firstLine(reason(c)), error,
                c.status() == ConfigurationStatus.OK && c.verdict() != null && !c.verdict().valid()
                        ? c.verdict().reasons() : List.of(),
                measurement(c, fastest, busiest), warmup, ConfigurationDetails.of(c));
    }

    /** The configuration's label, or its id when it has none. */
    static String label(ConfigurationResult c) {
        return c.label() == null || c.label().isBlank() ? Formats.text(c.id()) : c.label();
    }

    /** VALID or INVALID for a measured configuration, else FAILED or SKIPPED. */
    static String status(ConfigurationResult c) {
        if (c.status() != ConfigurationStatus.OK) {
            return c.status() == null ? "UNKNOWN" : c.status().name();
        }
        return c.verdict() == null ? "NO VERDICT" : c.verdict().label();
    }

    /** A status as a CSS class: {@code NO VERDICT} → {@code no-verdict}. */
    static String cssClass(String status) {
        return status.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** True for a measured configuration whose verdict is VALID. */
    static boolean isValid(ConfigurationResult c) {
        return c.status() == ConfigurationStatus.OK && c.verdict() != null && c.verdict().valid()
                && c.measurement() != null && c.measurement().latency() != null;
    }

    /** True when the measurement, or any fork's, hit the in-flight cap of an open loop. */
    static boolean overloaded(ConfigurationResult c) {
        PhaseResult m = c.measurement();
        return m != null && m.openLoop() != null && m.openLoop().overloaded()
                || c.phases().forks().stream().anyMatch(f -> f != null && f.openLoop() != null
                && f.openLoop().overloaded());
    }

    private static List<Flag> flags(ConfigurationResult c) {
        List<Flag> flags = new ArrayList<>();
        if (c.status() == ConfigurationStatus.OK && overloaded(c)) {
            flags.add(new Flag("OVERLOADED", "overloaded"));
        }
        if (c.status() == ConfigurationStatus.OK && StabilityView.unstable(c.measurement(), c.phases().forks())) {
            flags.add(new Flag("UNSTABLE", "unstable"));
        }
        return flags;
    }

    /**
     * Why the configuration does not count, or null when it does: the error of a failed or skipped
     * one (possibly several lines), else the verdict's reasons on one line.
     */
    static String reason(ConfigurationResult c) {
        if (c.status() != ConfigurationStatus.OK) {
            String why = c.outcome() == null ? null : c.outcome().reason();
            return why == null || why.isBlank() ? "no reason recorded" : why;
        }
        if (c.verdict() == null) {
            return "the result records no verdict";
        }
        if (!c.verdict().valid()) {
            return c.verdict().reasons().isEmpty() ? "no reason recorded" : String.join("; ", c.verdict().reasons());
        }
        return null;
    }

    private static Measurement measurement(ConfigurationResult c, boolean fastest, boolean busiest) {
        PhaseResult m = c.measurement();
        if (c.status() != ConfigurationStatus.OK || m == null) {
            return null;
        }
        LatencySummary l = m.latency();
        List<Stat> percentiles = new ArrayList<>();
        for (double p : PERCENTILES) {
            percentiles.add(percentile(l == null ? null : l.percentile(p), fastest && p == 50.0));
        }
        Interval tci = m.throughputCi95Qps();
        String throughputCi = tci != null && tci.bounded() && Double.isFinite(tci.low()) && Double.isFinite(tci.high())
                ? Formats.rate(tci.low()) + "–" + Formats.rate(tci.high()) : null;
        return new Measurement(Formats.count(m.queries()), Formats.rate(m.throughputQps()), throughputCi, busiest,
                mean(l),
                percentiles,
                l == null ? Formats.MISSING : Formats.ms(l.maxMs()), Formats.count(m.errors()), m.errors() > 0);
    }

    private static Stat mean(LatencySummary l) {
        if (l == null) {
            return new Stat(Formats.MISSING, null, true, false);
        }
        Interval ci = l.meanCi95Ms();
        boolean known = ci != null && Double.isFinite(ci.halfWidth());
        return new Stat(Formats.ms(l.meanMs()), known ? "± " + Formats.ms(ci.halfWidth()) : null,
                ci == null || ci.bounded(), false);
    }

    private static Stat percentile(PercentileEstimate e, boolean best) {
        if (e == null) {
            return new Stat(Formats.MISSING, null, true, false);
        }
        boolean bounded = e.ci95Ms() != null && e.ci95Ms().bounded();
        return new Stat(Formats.ms(e.valueMs()), bounded ? Formats.range(e.ci95Ms()) : null, bounded, best);
    }
}
