package io.inferbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.compare.ChangePoints;
import io.inferbench.compare.Comparison;
import io.inferbench.compare.ComparisonOptions;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.api.Interval;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a static report site from stored results alone (it never runs anything):
 * <pre>
 *   index.html                 every run: date, scenario, machine, verdict counts; filter and sort
 *   compare.html               pick any two runs and configurations (client-side, over embedded summaries)
 *   runs/RUN.html              each run's full report (the single-run page)
 *   scenarios/SCENARIO.html    each scenario's history: latency per configuration across runs, baseline
 *                              bands and detected changes ({@link ChangePoints})
 *   compare/RUN--vs--PREV.html each run against the previous run of its scenario, with bootstrap verdicts
 * </pre>
 * Comparisons are generated statically only between consecutive runs of a scenario (n − 1 pages for
 * n runs, not n²); any other pair is compared in the browser from the per-configuration summaries
 * embedded in {@code compare.html}, which holds no histograms and so stays small at hundreds of runs.
 * File names come from {@link SitePaths}, so no run id or scenario name can address a file outside
 * the folder. Pages with a script allow only that script, by hash, in their Content-Security-Policy.
 *
 * <p>Not thread-safe; one instance per build.
 */
public final class SiteBuilder {
    /** Comparisons between consecutive runs: fewer resamples than a run's own analysis, same method. */
    static final ComparisonOptions SITE_COMPARISON = ComparisonOptions.defaults().withResamples(500);
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ReportRenderer renderer;
    private final ChangePoints changePoints;

    /**
     * What was written.
     *
     * @param runs        run pages
     * @param scenarios   scenario history pages
     * @param comparisons run-against-previous comparison pages
     * @param index       the index page
     */
    public record Site(int runs, int scenarios, int comparisons, Path index) {
    }

    /** A builder rendering with {@code renderer}'s templates. */
    public SiteBuilder(ReportRenderer renderer) {
        this(renderer, ChangePoints.DEFAULT);
    }

    SiteBuilder(ReportRenderer renderer, ChangePoints changePoints) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.changePoints = Objects.requireNonNull(changePoints, "changePoints");
    }

    /**
     * One run and the names of its pages. Identity equality on purpose: pages are map keys, and a
     * record's equals and hashCode would walk the whole result (every histogram) on each lookup.
     */
    private static final class Page {
        private final RunResult run;
        private final String slug;
        private final String scenario;
        private final String scenarioSlug;

        Page(RunResult run, String slug, String scenario, String scenarioSlug) {
            this.run = run;
            this.slug = slug;
            this.scenario = scenario;
            this.scenarioSlug = scenarioSlug;
        }

        RunResult run() {
            return run;
        }

        String slug() {
            return slug;
        }

        String scenario() {
            return scenario;
        }

        String scenarioSlug() {
            return scenarioSlug;
        }

        Instant started() {
            return run.startedAt() == null ? Instant.EPOCH : run.startedAt();
        }
    }

    /**
     * Writes the site for {@code results} into {@code dir} (created when missing; existing pages of
     * the same names are replaced).
     */
    public Site build(List<RunResult> results, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        Files.createDirectories(dir.resolve("scenarios"));
        Files.createDirectories(dir.resolve("compare"));
        SitePaths runNames = new SitePaths();
        SitePaths scenarioNames = new SitePaths();
        Map<String, String> scenarioSlugs = new LinkedHashMap<>();
        List<Page> pages = new ArrayList<>();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.startedAt() == null ? Instant.EPOCH : r.startedAt())
                .thenComparing(r -> Formats.text(r.runId())));
        for (RunResult r : sorted) {
            String scenario = scenarioName(r);
            String scenarioSlug = scenarioSlugs.computeIfAbsent(scenario, scenarioNames::unique);
            pages.add(new Page(r, runNames.unique(Formats.text(r.runId())), scenario, scenarioSlug));
        }
        Map<String, List<Page>> byScenario = new LinkedHashMap<>();
        for (Page p : pages) {
            byScenario.computeIfAbsent(p.scenario(), k -> new ArrayList<>()).add(p);
        }
        Map<Page, Page> previous = new LinkedHashMap<>();
        for (List<Page> series : byScenario.values()) {
            for (int i = 1; i < series.size(); i++) {
                previous.put(series.get(i), series.get(i - 1));
            }
        }

        // Run pages are independent of each other: render them in parallel.
        pages.parallelStream().forEach(p -> {
            Page prev = previous.get(p);
            SiteNav nav = new SiteNav("../index.html", "../compare.html", "../scenarios/" + p.scenarioSlug() + ".html",
                    p.scenario(), prev == null ? null : "../compare/" + comparisonSlug(p, prev) + ".html", "run");
            write(dir.resolve("runs").resolve(p.slug() + ".html"), renderer.render(p.run(), nav));
        });
        previous.entrySet().parallelStream().forEach(e -> write(
                dir.resolve("compare").resolve(comparisonSlug(e.getKey(), e.getValue()) + ".html"),
                renderer.renderPage("site-compare", Map.of("comparison", comparison(e.getKey(), e.getValue()),
                        "site", new SiteNav("../index.html", "../compare.html",
                                "../scenarios/" + e.getKey().scenarioSlug() + ".html", e.getKey().scenario(), null,
                                "compare")), null)));
        Map<Page, Integer> changesAt = new LinkedHashMap<>();
        List<SiteIndexView.ScenarioRow> scenarioRows = new ArrayList<>();
        for (Map.Entry<String, List<Page>> e : byScenario.entrySet()) {
            List<Page> series = e.getValue();
            ScenarioHistoryView history = history(e.getKey(), series, changesAt);
            write(dir.resolve("scenarios").resolve(series.get(0).scenarioSlug() + ".html"),
                    renderer.renderPage("site-scenario", Map.of("history", history, "site",
                            new SiteNav("../index.html", "../compare.html", null, e.getKey(), null, "scenario")),
                            null));
            scenarioRows.add(new SiteIndexView.ScenarioRow("scenarios/" + series.get(0).scenarioSlug() + ".html",
                    e.getKey(), series.size(), Formats.instant(series.get(series.size() - 1).run().startedAt()),
                    history.changes().size()));
        }
        scenarioRows.sort(Comparator.comparing(SiteIndexView.ScenarioRow::name));

        List<SiteIndexView.Row> rows = new ArrayList<>();
        for (Page p : pages) {
            rows.add(indexRow(p, previous.get(p), changesAt.getOrDefault(p, 0)));
        }
        rows.sort(Comparator.comparing(SiteIndexView.Row::sortKey).reversed());
        SiteNav home = new SiteNav("index.html", "compare.html", null, null, null, "index");
        String script = renderer.asset("site.js");
        Path index = dir.resolve("index.html");
        write(index, renderer.renderPage("site-index", Map.of("index", new SiteIndexView("InferBench runs",
                Formats.instant(Instant.now()), rows, scenarioRows), "site", home), script));
        write(dir.resolve("compare.html"), renderer.renderPage("site-chooser", Map.of("site",
                new SiteNav("index.html", "compare.html", null, null, null, "chooser"), "data",
                chooserData(pages)), script));
        return new Site(pages.size(), byScenario.size(), previous.size(), index);
    }

    private static String scenarioName(RunResult r) {
        return r.scenario() == null || r.scenario().name() == null || r.scenario().name().isBlank()
                ? "(unnamed scenario)" : r.scenario().name();
    }

    private static String comparisonSlug(Page p, Page prev) {
        return p.slug() + "--vs--" + prev.slug();
    }

    private static void write(Path file, String html) {
        try {
            ResultJson.writeAtomically(file, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static SiteIndexView.Row indexRow(Page p, Page prev, int changes) {
        RunResult r = p.run();
        int valid = 0;
        int invalid = 0;
        int failed = 0;
        int skipped = 0;
        for (ConfigurationResult c : r.configurations()) {
            switch (ConfigurationView.status(c)) {
                case "VALID" -> valid++;
                case "FAILED" -> failed++;
                case "SKIPPED" -> skipped++;
                default -> invalid++;
            }
        }
        String machine = r.environment() == null ? Formats.MISSING : Formats.text(r.environment().hostname())
                + (r.environment().cpuModel() == null ? "" : " · " + r.environment().cpuModel());
        String recommended = null;
        String best = r.summary().recommendation() == null ? null : r.summary().recommendation().bestId();
        if (best != null) {
            recommended = r.configurations().stream().filter(c -> best.equals(c.id()))
                    .map(ConfigurationView::label).findFirst().orElse(best);
        }
        return new SiteIndexView.Row("runs/" + p.slug() + ".html", Formats.text(r.runId()),
                Formats.instant(r.startedAt()), p.started().toString() + " " + p.slug(), p.scenario(),
                "scenarios/" + p.scenarioSlug() + ".html", machine, r.configurations().size(), valid, invalid, failed,
                skipped, recommended, prev == null ? null : "compare/" + comparisonSlug(p, prev) + ".html", changes);
    }

    private static boolean measured(ConfigurationResult c) {
        return c != null && c.status() == ConfigurationStatus.OK && c.measurement() != null
                && c.measurement().latency() != null && Double.isFinite(c.measurement().latency().valueMs(50.0));
    }

    private RunComparisonView comparison(Page newer, Page older) {
        Map<String, ConfigurationResult> before = new LinkedHashMap<>();
        older.run().configurations().forEach(c -> before.putIfAbsent(ConfigurationView.label(c), c));
        Map<String, ConfigurationResult> after = new LinkedHashMap<>();
        newer.run().configurations().forEach(c -> after.putIfAbsent(ConfigurationView.label(c), c));
        List<String> labels = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(l -> !after.containsKey(l)).forEach(labels::add);
        List<RunComparisonView.Row> rows = new ArrayList<>();
        for (String label : labels) {
            ConfigurationResult a = after.get(label);
            ConfigurationResult b = before.get(label);
            String bText = b == null ? "not in this run" : measured(b) ? p50Text(b) : ConfigurationView.status(b);
            String aText = a == null ? "not in this run" : measured(a) ? p50Text(a) : ConfigurationView.status(a);
            if (!measured(a) || !measured(b) || a.measurement().histogram() == null
                    || b.measurement().histogram() == null) {
                rows.add(new RunComparisonView.Row(label, bText, aText, Formats.MISSING, null, Formats.MISSING,
                        "NOT COMPARED", "unknown", null));
                continue;
            }
            ComparisonResult c = Comparison.compare(a, b, SITE_COMPARISON);
            String verdict = c.verdict() == null ? "INCONCLUSIVE" : c.verdict().name();
            rows.add(new RunComparisonView.Row(label, bText, aText, AnalysisView.ratio(c.ratio()),
                    AnalysisView.ratioRange(c.ratioCi95()), AnalysisView.ratio(c.p99Ratio()), verdict,
                    ConfigurationView.cssClass(verdict), "p50 " + AnalysisView.ratio(c.ratio()) + " of the previous "
                    + "run's (95% CI " + AnalysisView.ratioRange(c.ratioCi95()) + "), Mann–Whitney p "
                    + AnalysisView.pValue(c.mannWhitneyP()) + ", Cliff's δ " + AnalysisView.signed(c.cliffsDelta())));
        }
        String run = Formats.text(newer.run().runId());
        return new RunComparisonView("InferBench: " + run + " vs " + Formats.text(older.run().runId()), run,
                "../runs/" + newer.slug() + ".html", Formats.text(older.run().runId()),
                "../runs/" + older.slug() + ".html", rows);
    }

    private static String p50Text(ConfigurationResult c) {
        PercentileEstimate p = c.measurement().latency().percentile(50.0);
        String ci = Formats.range(p.ci95Ms());
        return Formats.ms(p.valueMs()) + " ms" + (ci == null ? "" : " (" + ci + ")");
    }

    private ScenarioHistoryView history(String name, List<Page> runs, Map<Page, Integer> changesAt) {
        Map<String, List<Page>> byLabel = new LinkedHashMap<>();
        for (Page p : runs) {
            for (ConfigurationResult c : p.run().configurations()) {
                List<Page> seen = byLabel.computeIfAbsent(ConfigurationView.label(c), k -> new ArrayList<>());
                if (seen.isEmpty() || seen.get(seen.size() - 1) != p) { // a label twice in one run counts once
                    seen.add(p);
                }
            }
        }
        List<ScenarioHistoryView.Series> series = new ArrayList<>();
        List<String[]> changeLines = new ArrayList<>();
        SitePaths anchors = new SitePaths();
        int index = 0;
        for (Map.Entry<String, List<Page>> e : byLabel.entrySet()) {
            String label = e.getKey();
            String colour = Palette.colour(index++);
            List<ScenarioHistoryView.Row> rows = new ArrayList<>();
            List<SvgHistoryChart.Point> points = new ArrayList<>();
            List<Page> pointRuns = new ArrayList<>();
            for (Page p : e.getValue()) {
                ConfigurationResult c = p.run().configurations().stream()
                        .filter(x -> ConfigurationView.label(x).equals(label)).findFirst().orElseThrow();
                if (measured(c)) {
                    PercentileEstimate p50 = c.measurement().latency().percentile(50.0);
                    double p99 = c.measurement().latency().valueMs(99.0);
                    points.add(new SvgHistoryChart.Point(TICK.format(p.started()), p50.valueMs(), p50.ci95Ms(), p99,
                            Formats.text(p.run().runId()) + " (" + Formats.instant(p.run().startedAt()) + "): p50 "
                                    + p50Text(c) + ", p99 " + Formats.ms(p99) + " ms"));
                    pointRuns.add(p);
                }
            }
            double[] values = points.stream().mapToDouble(SvgHistoryChart.Point::p50).toArray();
            List<ChangePoints.Change> changes = changePoints.detect(values);
            Map<Page, String> changeText = new LinkedHashMap<>();
            for (ChangePoints.Change ch : changes) {
                Page at = pointRuns.get(ch.index());
                String text = String.format(Locale.ROOT, "%+.1f%% (p = %s)", ch.relative() * 100,
                        AnalysisView.pValue(ch.pValue()));
                changeText.put(at, text);
                changesAt.merge(at, 1, Integer::sum);
                changeLines.add(new String[] {String.valueOf(Math.abs(ch.relative())), label + ": median latency "
                        + String.format(Locale.ROOT, "%+.1f%%", ch.relative() * 100) + " from run "
                        + Formats.text(at.run().runId()) + " (" + Formats.ms(ch.meanBefore()) + " → "
                        + Formats.ms(ch.meanAfter()) + " ms, permutation p = " + AnalysisView.pValue(ch.pValue())
                        + ")"});
            }
            for (Page p : e.getValue()) {
                ConfigurationResult c = p.run().configurations().stream()
                        .filter(x -> ConfigurationView.label(x).equals(label)).findFirst().orElseThrow();
                boolean m = measured(c);
                PercentileEstimate p50 = m ? c.measurement().latency().percentile(50.0) : null;
                rows.add(new ScenarioHistoryView.Row("../runs/" + p.slug() + ".html", Formats.text(p.run().runId()),
                        Formats.instant(p.run().startedAt()), ConfigurationView.status(c),
                        m ? Formats.ms(p50.valueMs()) : Formats.MISSING, m ? Formats.range(p50.ci95Ms()) : null,
                        m ? Formats.ms(c.measurement().latency().valueMs(99.0)) : Formats.MISSING,
                        m ? Formats.rate(c.measurement().throughputQps()) : Formats.MISSING, changeText.get(p)));
            }
            String svg = SvgHistoryChart.render("Median and p99 latency of " + label + " across " + points.size()
                    + " runs, with baseline bands and " + changes.size() + " detected changes", colour, points, changes);
            String caption = points.size() + " measured runs of " + e.getValue().size() + ". "
                    + (changes.isEmpty() ? "No change detected." : changes.size() + (changes.size() == 1
                    ? " change" : " changes") + " detected (E-divisive means, permutation test, p ≤ "
                    + NiceScale.label(changePoints.alpha()) + ").")
                    + " Shaded: each segment's baseline band (mean p50 ± 2 sd). The table below has every figure.";
            series.add(new ScenarioHistoryView.Series(label, "cfg-" + anchors.unique(label), colour, svg, caption,
                    rows));
        }
        changeLines.sort(Comparator.comparing((String[] l) -> Double.parseDouble(l[0])).reversed());
        return new ScenarioHistoryView("InferBench history: " + name, name, runs.size(),
                changeLines.stream().map(l -> l[1]).toList(), series);
    }

    /**
     * The chooser's data: per run, per configuration, the summary figures a browser needs to compare
     * any two (median and p99 with their CIs, throughput, status). JSON, escaped for a
     * {@code <script type="application/json">} block: no {@code <}, {@code >} or {@code &} survive.
     */
    private static String chooserData(List<Page> pages) {
        ArrayNode runs = ResultJson.mapper().createArrayNode();
        for (int i = pages.size() - 1; i >= 0; i--) {
            Page p = pages.get(i);
            ObjectNode run = runs.addObject();
            run.put("id", Formats.text(p.run().runId()));
            run.put("href", "runs/" + p.slug() + ".html");
            run.put("started", Formats.instant(p.run().startedAt()));
            run.put("scenario", p.scenario());
            ArrayNode configs = run.putArray("configurations");
            for (ConfigurationResult c : p.run().configurations()) {
                ObjectNode o = configs.addObject();
                o.put("label", ConfigurationView.label(c));
                o.put("status", ConfigurationView.status(c));
                if (measured(c)) {
                    putStat(o, "p50", c.measurement().latency().percentile(50.0));
                    putStat(o, "p99", c.measurement().latency().percentile(99.0));
                    o.put("qps", round(c.measurement().throughputQps()));
                }
            }
        }
        String json;
        try {
            json = ResultJson.mapper().writer().writeValueAsString(runs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static void putStat(ObjectNode o, String key, PercentileEstimate e) {
        if (e == null || !Double.isFinite(e.valueMs())) {
            return;
        }
        ArrayNode a = o.putArray(key);
        a.add(round(e.valueMs()));
        Interval ci = e.ci95Ms();
        if (ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high())) {
            a.add(round(ci.low())).add(round(ci.high()));
        }
    }

    private static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return 0;
        }
        double scale = Math.pow(10, 4 - Math.ceil(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
