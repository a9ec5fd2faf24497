package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.InputLengths;
import io.inferbench.result.LengthLatency;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The report's "Latency by input length" section: each text configuration's latency per input-length
 * bucket (a table and a chart), and, for a configuration fed at its texts' own lengths beside the same
 * one padded, both medians and why they differ. Empty (no section) when no configuration recorded it.
 *
 * @param rows       one per configuration and bucket, configurations in run order, shortest bucket first
 * @param chart      the SVG chart
 * @param paddedVsOwn one finding per unpadded configuration with a padded twin, in run order
 */
record LengthsView(List<Row> rows, String chart, List<String> paddedVsOwn) {
    /** The padding setting recorded when none is: texts were padded to the sequence length. */
    private static final String DEFAULT_PADDING = "max-length";
    /** The display setting that alone tells a padding variant from its twin. */
    private static final String PADDING_SETTING = "inputs.text.padding";

    /**
     * @param label    the configuration
     * @param id       its id
     * @param colour   its colour, or null
     * @param padding  how it padded, and the lengths it was fed at
     * @param first    the configuration's first bucket (starts a group of rows)
     * @param range    the bucket, e.g. {@code 17–32 tokens}
     * @param fed      the lengths its queries were fed at
     * @param queries  measured queries in the bucket
     * @param p50      median with its 95% interval
     * @param p90      90th percentile
     * @param p99      99th percentile
     */
    record Row(String label, String id, String colour, String padding, boolean first, String range, String fed,
               String queries, ConfigurationView.Stat p50, ConfigurationView.Stat p90, ConfigurationView.Stat p99) {
    }

    static LengthsView of(RunResult run, Map<String, String> colours) {
        List<ConfigurationResult> measured = run.configurations().stream().filter(LengthsView::hasLengths).toList();
        if (measured.isEmpty()) {
            return new LengthsView(List.of(), null, List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (ConfigurationResult c : measured) {
            List<LengthLatency> buckets = c.measurement().byLength();
            for (int i = 0; i < buckets.size(); i++) {
                LengthLatency b = buckets.get(i);
                rows.add(new Row(ConfigurationView.label(c), c.id(), colours.get(c.id()), padding(c), i == 0,
                        b.range(), b.fedTokens(), Formats.count(b.queries()), stat(b.percentile(50)),
                        stat(b.percentile(90)), stat(b.percentile(99))));
            }
        }
        return new LengthsView(rows, chart(measured, colours), paddedVsOwn(run.configurations()));
    }

    private static boolean hasLengths(ConfigurationResult c) {
        return c.status() == ConfigurationStatus.OK && c.measurement() != null && !c.measurement().byLength().isEmpty();
    }

    private static String padding(ConfigurationResult c) {
        InputLengths l = c.session().lengths();
        return l == null ? DEFAULT_PADDING : l.describe();
    }

    private static ConfigurationView.Stat stat(PercentileEstimate e) {
        if (e == null) {
            return new ConfigurationView.Stat(Formats.MISSING, null, true, false);
        }
        boolean bounded = e.ci95Ms() != null && e.ci95Ms().bounded();
        return new ConfigurationView.Stat(Formats.ms(e.valueMs()), bounded ? Formats.range(e.ci95Ms()) : null, bounded,
                false);
    }

    /** One line per configuration across the union of the buckets any of them saw, shortest first. */
    private static String chart(List<ConfigurationResult> measured, Map<String, String> colours) {
        Map<Integer, String> buckets = new TreeMap<>();
        measured.forEach(c -> c.measurement().byLength().forEach(b -> buckets.put(b.toTokens(), b.range())));
        List<Integer> edges = new ArrayList<>(buckets.keySet());
        List<SvgLengthChart.Series> series = new ArrayList<>();
        for (int s = 0; s < measured.size(); s++) {
            ConfigurationResult c = measured.get(s);
            Map<Integer, LengthLatency> byEdge = new HashMap<>();
            c.measurement().byLength().forEach(b -> byEdge.put(b.toTokens(), b));
            List<SvgLengthChart.Point> points = new ArrayList<>();
            for (int edge : edges) {
                LengthLatency b = byEdge.get(edge);
                PercentileEstimate p50 = b == null ? null : b.percentile(50);
                points.add(p50 == null ? new SvgLengthChart.Point(Double.NaN, null, "")
                        : new SvgLengthChart.Point(p50.valueMs(), p50.ci95Ms(), b.range() + ", fed at " + b.fedTokens()
                        + ": p50 " + Formats.ms(p50.valueMs()) + " ms (" + Formats.count(b.queries()) + " queries)"));
            }
            String colour = colours.get(c.id());
            InputLengths lengths = c.session().lengths();
            series.add(new SvgLengthChart.Series(ConfigurationView.label(c) + " (padding: "
                    + (lengths == null ? DEFAULT_PADDING : lengths.padding()) + ")",
                    colour == null ? "currentColor" : colour, Palette.dash(s), points));
        }
        return SvgLengthChart.render("Median latency (p50) by input length per configuration, in milliseconds, "
                + "with 95% confidence intervals", new ArrayList<>(buckets.values()), series);
    }

    /**
     * For each configuration fed at a padding other than max-length, its twin padded to the sequence
     * length (the same in every setting but the padding): both medians, and why they differ.
     */
    static List<String> paddedVsOwn(List<ConfigurationResult> all) {
        List<String> out = new ArrayList<>();
        for (ConfigurationResult own : all) {
            if (!measuredOk(own) || own.setup().feed() == null || own.setup().feed().padding() == null) {
                continue;
            }
            ConfigurationResult padded = all.stream().filter(c -> c != own && measuredOk(c) && twins(own, c))
                    .findFirst().orElse(null);
            if (padded != null) {
                out.add(sentence(own, padded));
            }
        }
        return out;
    }

    private static boolean measuredOk(ConfigurationResult c) {
        return c.status() == ConfigurationStatus.OK && c.measurement() != null && c.measurement().latency() != null
                && c.measurement().latency().percentile(50.0) != null;
    }

    /** {@code padded} is {@code own} padded to the sequence length: every other setting the same. */
    private static boolean twins(ConfigurationResult own, ConfigurationResult padded) {
        var a = own.setup();
        var b = padded.setup();
        if (b.feed() == null || b.feed().padding() != null) {
            return false;
        }
        Map<String, String> sa = new HashMap<>(a.settings());
        Map<String, String> sb = new HashMap<>(b.settings());
        sa.remove(PADDING_SETTING);
        sb.remove(PADDING_SETTING);
        return sa.equals(sb) && Objects.equals(a.model(), b.model()) && Objects.equals(a.backend(), b.backend())
                && Objects.equals(a.device(), b.device()) && Objects.equals(a.load(), b.load())
                && Objects.equals(a.feed().source(), b.feed().source())
                && a.feed().batchSize() == b.feed().batchSize()
                && a.feed().sequenceLength() == b.feed().sequenceLength();
    }

    private static String sentence(ConfigurationResult own, ConfigurationResult padded) {
        PhaseResult o = own.measurement();
        PhaseResult p = padded.measurement();
        PercentileEstimate op = o.latency().percentile(50.0);
        PercentileEstimate pp = p.latency().percentile(50.0);
        int seq = padded.setup().feed().sequenceLength();
        return ConfigurationView.label(own) + " fed its texts " + fedAt(own.session().lengths()) + " (padding: "
                + own.setup().feed().padding() + "): p50 " + Formats.ms(op.valueMs()) + " ms" + ci(op) + ", against " + Formats.ms(pp.valueMs())
                + " ms" + ci(pp) + " for " + ConfigurationView.label(padded) + ", the same texts padded to " + seq
                + " tokens: " + Formats.decimal(op.valueMs() / pp.valueMs(), 2) + "× the padded median. They differ because a padded query "
                + "computes every one of its " + seq + " positions — each layer and the attention run over the "
                + "padding too, which the mask removes only from the result — so it costs what a " + seq
                + "-token text costs, whatever the sentence. Quote the padded figure for a fixed-shape deployment, "
                + "the unpadded one for a server that feeds texts at their own length.";
    }

    /** {@code at 12–21 tokens (median 15)}, from the lengths the configuration recorded. */
    private static String fedAt(InputLengths lengths) {
        if (lengths == null || lengths.fed().isEmpty()) {
            return "at their own lengths";
        }
        int lo = lengths.fed().get(0).length();
        int hi = lengths.fed().get(lengths.fed().size() - 1).length();
        return "at " + (lo == hi ? Integer.toString(lo) : lo + "–" + hi) + " tokens (median " + lengths.medianFed() + ")";
    }

    private static String ci(PercentileEstimate e) {
        return e.ci95Ms() != null && e.ci95Ms().bounded() ? " [" + Formats.range(e.ci95Ms()) + "]" : "";
    }
}
