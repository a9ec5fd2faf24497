package io.inferbench.report;

import io.inferbench.compare.ChangePoints;
import io.inferbench.result.MachineFingerprint;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's history, keyed as the gate keys it: a series is the scenario, a configuration label
 * and a machine fingerprint. For each label and metric, change points are searched within each
 * fingerprint's runs only, and baseline bands restart where the fingerprint changes, so a new
 * machine or library version shows as an environment change (with what changed), never as a
 * detected change. Built from {@link SiteRun} summaries alone, so an incremental build needs no
 * result file for it.
 */
final class ScenarioHistory {
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String name;
    private final List<SiteRun> runs;
    private final List<String> runHrefs;
    private final List<String> fingerprintIds = new ArrayList<>();
    private final List<HistoryMetric> metrics = new ArrayList<>();
    private final Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
    private final Map<HistoryMetric, Map<String, Detected>> detected = new EnumMap<>(HistoryMetric.class);
    private final int[] changesAt;
    private final List<Map<String, SiteRun.Config>> configsByLabel = new ArrayList<>();
    private final ChangePoints changePoints;

    /** Points of one label and metric, with the changes found in them (indices into the points). */
    private record Detected(List<Integer> pointRuns, List<SiteRun.Stat> values, List<ChangePoints.Change> changes) {
    }

    /**
     * @param runs     the scenario's runs, oldest first
     * @param runHrefs each run's page, relative to the site's root ({@code runs/X.html})
     */
    ScenarioHistory(String name, List<SiteRun> runs, List<String> runHrefs, ChangePoints changePoints) {
        this.name = name;
        this.runs = List.copyOf(runs);
        this.runHrefs = List.copyOf(runHrefs);
        this.changePoints = changePoints;
        this.changesAt = new int[runs.size()];
        boolean accuracy = false;
        for (int i = 0; i < runs.size(); i++) {
            fingerprintIds.add(runs.get(i).fingerprint().id());
            List<SiteRun.Config> configs = runs.get(i).configurations();
            Map<String, SiteRun.Config> labelled = new java.util.HashMap<>();
            configs.forEach(c -> labelled.putIfAbsent(c.label(), c));
            configsByLabel.add(labelled);
            for (SiteRun.Config c : configs) {
                List<Integer> seen = byLabel.computeIfAbsent(c.label(), k -> new ArrayList<>());
                if (seen.isEmpty() || seen.get(seen.size() - 1) != i) { // a label twice in one run counts once
                    seen.add(i);
                }
                accuracy |= c.accuracy() != null;
            }
        }
        for (HistoryMetric m : HistoryMetric.values()) {
            if (m != HistoryMetric.ACCURACY || accuracy) {
                metrics.add(m);
            }
        }
        // Each (metric, label) series is independent: detect in parallel, then count in order.
        Map<HistoryMetric, Map<String, Detected>> found = new EnumMap<>(HistoryMetric.class);
        metrics.forEach(m -> found.put(m, new LinkedHashMap<>())); // runs without configurations have no series
        record Job(HistoryMetric metric, String label) {
        }
        List<Job> jobs = new ArrayList<>();
        metrics.forEach(m -> byLabel.keySet().forEach(l -> jobs.add(new Job(m, l))));
        List<Detected> results = jobs.parallelStream().map(j -> detect(j.metric(), j.label())).toList();
        for (int j = 0; j < jobs.size(); j++) {
            found.computeIfAbsent(jobs.get(j).metric(), k -> new LinkedHashMap<>()).put(jobs.get(j).label(),
                    results.get(j));
            for (ChangePoints.Change ch : results.get(j).changes()) {
                changesAt[results.get(j).pointRuns().get(ch.index())]++;
            }
        }
        detected.putAll(found);
    }

    /** The metrics this scenario has pages for: p50, p99, throughput, and accuracy when any run has it. */
    List<HistoryMetric> metrics() {
        return List.copyOf(metrics);
    }

    /** Changes of every metric detected at run {@code i} (index into the runs). */
    int changesAt(int i) {
        return changesAt[i];
    }

    /** Changes detected in the whole history, every metric. */
    int changeCount() {
        int n = 0;
        for (int c : changesAt) {
            n += c;
        }
        return n;
    }

    /** Whether run {@code i} is the first on a new machine fingerprint. */
    boolean environmentChangedAt(int i) {
        return i > 0 && !fingerprintIds.get(i).equals(fingerprintIds.get(i - 1));
    }

    /** Run {@code run}'s configuration of {@code label} (its first, when a label appears twice). */
    private SiteRun.Config config(int run, String label) {
        return configsByLabel.get(run).get(label);
    }

    private Detected detect(HistoryMetric m, String label) {
        List<Integer> pointRuns = new ArrayList<>();
        List<SiteRun.Stat> values = new ArrayList<>();
        for (int run : byLabel.get(label)) {
            SiteRun.Stat s = m.of(config(run, label));
            if (s != null) {
                pointRuns.add(run);
                values.add(s);
            }
        }
        // Change points within each fingerprint's points; indices mapped back to the label's points.
        Map<String, List<Integer>> byFingerprint = new LinkedHashMap<>();
        for (int k = 0; k < pointRuns.size(); k++) {
            byFingerprint.computeIfAbsent(fingerprintIds.get(pointRuns.get(k)), f -> new ArrayList<>()).add(k);
        }
        List<ChangePoints.Change> changes = new ArrayList<>();
        for (List<Integer> points : byFingerprint.values()) {
            double[] series = points.stream().mapToDouble(k -> values.get(k).value()).toArray();
            for (ChangePoints.Change ch : changePoints.detect(series)) {
                changes.add(new ChangePoints.Change(points.get(ch.index()), ch.pValue(), ch.meanBefore(),
                        ch.meanAfter()));
            }
        }
        changes.sort(Comparator.comparingInt(ChangePoints.Change::index));
        return new Detected(pointRuns, values, changes);
    }

    /** The page of metric {@code m}, with links relative to {@code scenarios/<m's folder>/<slug>.html}. */
    ScenarioHistoryView view(HistoryMetric m, String slug) {
        String root = m.folder().isEmpty() ? "../" : "../../";
        List<ScenarioHistoryView.MetricLink> links = new ArrayList<>();
        for (HistoryMetric other : metrics) {
            links.add(new ScenarioHistoryView.MetricLink(other.words(), root + "scenarios/" + other.folder() + slug
                    + ".html", other == m));
        }
        List<ScenarioHistoryView.MetricChanges> changes = new ArrayList<>();
        changes.add(new ScenarioHistoryView.MetricChanges(m.words(), changeLines(m)));
        metrics.stream().filter(o -> o != m).forEach(o -> changes.add(new ScenarioHistoryView.MetricChanges(o.words(),
                changeLines(o))));
        List<String> environment = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            if (environmentChangedAt(i)) {
                environment.add("from run " + runs.get(i).runId() + " (" + Formats.instant(runs.get(i).startedAt())
                        + "): " + differences(i - 1, i));
            }
        }
        List<ScenarioHistoryView.Series> series = new ArrayList<>();
        SitePaths anchors = new SitePaths();
        int index = 0;
        for (String label : byLabel.keySet()) {
            series.add(series(m, label, Palette.colour(index++), "cfg-" + anchors.unique(label), root, slug));
        }
        return new ScenarioHistoryView("InferBench history: " + name + " (" + m.words() + ")", name, runs.size(),
                m.words(), links, changes, environment, metrics.contains(HistoryMetric.ACCURACY),
                m == HistoryMetric.P50, series);
    }

    private List<String> changeLines(HistoryMetric m) {
        record Line(double size, String text) {
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Detected> e : detected.get(m).entrySet()) {
            for (ChangePoints.Change ch : e.getValue().changes()) {
                SiteRun at = runs.get(e.getValue().pointRuns().get(ch.index()));
                lines.add(new Line(Math.abs(ch.relative()), e.getKey() + ": " + m.words() + " "
                        + String.format(Locale.ROOT, "%+.1f%%", ch.relative() * 100) + " from run " + at.runId() + " ("
                        + m.format(ch.meanBefore()) + " → " + m.format(ch.meanAfter()) + ", permutation p = "
                        + AnalysisView.pValue(ch.pValue()) + ")"));
            }
        }
        lines.sort(Comparator.comparingDouble(Line::size).reversed());
        return lines.stream().map(Line::text).toList();
    }

    private String differences(int before, int after) {
        MachineFingerprint a = runs.get(before).fingerprint();
        MachineFingerprint b = runs.get(after).fingerprint();
        List<MachineFingerprint.Difference> d = b.differencesFrom(a);
        return d.isEmpty() ? "machine " + a.id() + " → " + b.id()
                : String.join("; ", d.stream().map(MachineFingerprint.Difference::describe).toList());
    }

    private ScenarioHistoryView.Series series(HistoryMetric m, String label, String colour, String anchor,
                                              String root, String slug) {
        Detected d = detected.get(m).get(label);
        int n = d.pointRuns().size();
        List<SvgHistoryChart.Point> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int run = d.pointRuns().get(k);
            SiteRun r = runs.get(run);
            SiteRun.Stat s = d.values().get(k);
            SiteRun.Config c = config(run, label);
            String ci = Formats.range(s.interval());
            double secondary = m == HistoryMetric.P50 && c.p99() != null ? c.p99().value() : Double.NaN;
            points.add(new SvgHistoryChart.Point(TICK.format(r.started()), s.value(), s.interval(), secondary,
                    r.runId() + " (" + Formats.instant(r.startedAt()) + ", machine " + fingerprintIds.get(run) + "): "
                            + m.key() + " " + m.format(s.value()) + (ci == null ? "" : " (" + ci + ")")
                            + (Double.isFinite(secondary) ? ", p99 " + Formats.ms(secondary) + " ms" : "")));
        }
        List<SvgHistoryChart.Marker> changeMarks = new ArrayList<>();
        Map<Integer, String> changeText = new LinkedHashMap<>();
        for (ChangePoints.Change ch : d.changes()) {
            String shift = String.format(Locale.ROOT, "%+.1f%%", ch.relative() * 100);
            changeMarks.add(new SvgHistoryChart.Marker(ch.index(), shift, String.format(Locale.ROOT,
                    "change at run %d of %d: mean %s %s → %s (%s, permutation p = %.3f)", ch.index() + 1, n, m.key(),
                    m.format(ch.meanBefore()), m.format(ch.meanAfter()), shift, ch.pValue())));
            changeText.put(d.pointRuns().get(ch.index()), shift + " (p = " + AnalysisView.pValue(ch.pValue()) + ")");
        }
        List<SvgHistoryChart.Marker> envMarks = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            int before = d.pointRuns().get(k - 1);
            int after = d.pointRuns().get(k);
            if (!fingerprintIds.get(before).equals(fingerprintIds.get(after))) {
                envMarks.add(new SvgHistoryChart.Marker(k, "env", "environment change at run " + runs.get(after)
                        .runId() + ": " + differences(before, after) + " (a new series starts here)"));
            }
        }
        List<SvgHistoryChart.Band> bands = bands(d, n);
        String svg = SvgHistoryChart.render(capitalised(m.words()) + " of " + label + " across " + n + " runs, with "
                + "baseline bands, " + d.changes().size() + " detected changes and " + envMarks.size()
                + " environment changes", colour, m.axis(), points, bands, changeMarks, envMarks);
        List<Integer> labelRuns = byLabel.get(label);
        String caption = n + " runs with a " + m.key() + " of " + labelRuns.size() + ". "
                + (d.changes().isEmpty() ? "No change detected." : d.changes().size() + (d.changes().size() == 1
                ? " change" : " changes") + " detected (E-divisive means within each machine fingerprint, "
                + "permutation test, p ≤ " + NiceScale.label(changePoints.alpha()) + ").")
                + (envMarks.isEmpty() ? "" : " " + envMarks.size() + (envMarks.size() == 1 ? " environment change"
                : " environment changes") + " (grey lines): a new series starts at each, never counted as a change.")
                + " Shaded: each segment's baseline band (mean ± 2 sd). The table below has every figure.";
        // Every metric's figures are columns of the median page's table: the other pages link to it rather
        // than repeat thousands of rows at a year of nights.
        List<ScenarioHistoryView.Row> rows = m == HistoryMetric.P50 ? rows(label, labelRuns, changeText, root)
                : List.of();
        return new ScenarioHistoryView.Series(label, anchor, colour, svg, m == HistoryMetric.P50 ? caption
                : caption.replace(" The table below has every figure.", " Every figure is in the table on the "
                + "median latency page."), rows, HistoryTableRows.html(rows, metrics.contains(HistoryMetric.ACCURACY)),
                environmentRows(label, labelRuns, root), root + "scenarios/" + slug + ".html#" + anchor);
    }

    /** One band per stretch of consecutive points on one fingerprint between two changes. */
    private List<SvgHistoryChart.Band> bands(Detected d, int n) {
        // Segment id of each point: its fingerprint's series, cut at that series' changes.
        String[] segment = new String[n];
        Map<String, Integer> cuts = new LinkedHashMap<>();
        java.util.Set<Integer> changeAt = new java.util.HashSet<>();
        d.changes().forEach(ch -> changeAt.add(ch.index()));
        for (int k = 0; k < n; k++) {
            String fp = fingerprintIds.get(d.pointRuns().get(k));
            int cut = cuts.merge(fp, changeAt.contains(k) ? 1 : 0, Integer::sum);
            segment[k] = fp + "#" + cut;
        }
        Map<String, double[]> stats = new LinkedHashMap<>(); // n, sum, sum of squares
        for (int k = 0; k < n; k++) {
            double v = d.values().get(k).value();
            double[] s = stats.computeIfAbsent(segment[k], x -> new double[3]);
            s[0]++;
            s[1] += v;
            s[2] += v * v;
        }
        List<SvgHistoryChart.Band> bands = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || !segment[k].equals(segment[from])) {
                double[] s = stats.get(segment[from]);
                double mean = s[1] / s[0];
                double sd = s[0] > 1 ? Math.sqrt(Math.max(0, (s[2] - s[0] * mean * mean) / (s[0] - 1))) : 0;
                bands.add(new SvgHistoryChart.Band(from, k, mean, sd, "baseline of runs " + (from + 1) + "–" + k
                        + ": mean " + Formats.decimal(mean, 4) + " ± 2 sd (" + Formats.decimal(2 * sd, 4) + ")"));
                from = k;
            }
        }
        return bands;
    }

    private List<ScenarioHistoryView.Row> rows(String label, List<Integer> labelRuns, Map<Integer, String> changeText,
                                               String root) {
        List<ScenarioHistoryView.Row> rows = new ArrayList<>();
        String previous = null;
        for (int run : labelRuns) {
            SiteRun r = runs.get(run);
            SiteRun.Config c = config(run, label);
            String fp = fingerprintIds.get(run);
            rows.add(new ScenarioHistoryView.Row(root + runHrefs.get(run), r.runId(), Formats.instant(r.startedAt()),
                    fp, c.status(), c.p50() == null ? Formats.MISSING : Formats.ms(c.p50().value()),
                    c.p50() == null ? null : Formats.range(c.p50().interval()),
                    c.p99() == null ? Formats.MISSING : Formats.ms(c.p99().value()),
                    c.qps() == null ? Formats.MISSING : Formats.rate(c.qps()),
                    c.accuracy() == null ? Formats.MISSING : HistoryMetric.ACCURACY.format(c.accuracy().value()),
                    changeText.get(run), previous != null && !previous.equals(fp) ? "environment changed" : null,
                    ConfigurationView.cssClass(c.status())));
            previous = fp;
        }
        return rows;
    }

    private List<ScenarioHistoryView.EnvironmentRow> environmentRows(String label, List<Integer> labelRuns,
                                                                     String root) {
        List<ScenarioHistoryView.EnvironmentRow> rows = new ArrayList<>();
        for (int k = 1; k < labelRuns.size(); k++) {
            int before = labelRuns.get(k - 1);
            int after = labelRuns.get(k);
            if (!fingerprintIds.get(before).equals(fingerprintIds.get(after))) {
                SiteRun r = runs.get(after);
                rows.add(new ScenarioHistoryView.EnvironmentRow(root + runHrefs.get(after), r.runId(),
                        Formats.instant(r.startedAt()), fingerprintIds.get(before) + " → " + fingerprintIds.get(after),
                        differences(before, after)));
            }
        }
        return rows;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
