package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseMark;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.TimelinePoint;
import io.inferbench.result.UtilizationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the {@link ReportView} of a {@link RunResult}: formats every figure and draws the charts. */
final class ReportViewFactory {
    private ReportViewFactory() {
    }

    static ReportView create(RunResult run) {
        Map<String, String> colours = colours(run);
        List<ConfigurationResult> byMedian = Ranking.byMedian(run.configurations());
        List<ConfigurationResult> byThroughput = Ranking.byThroughput(run.configurations());
        List<ConfigurationView> views = run.configurations().stream()
                .map(c -> ConfigurationView.of(c, colours.get(c.id()), !byMedian.isEmpty() && byMedian.get(0) == c,
                        !byThroughput.isEmpty() && byThroughput.get(0) == c)).toList();
        ScenarioRecord s = run.scenario();
        EnvironmentInfo env = run.environment();
        String name = s == null || s.name() == null || s.name().isBlank() ? Formats.text(run.runId()) : s.name();
        return new ReportView("InferBench report: " + name, Formats.text(run.runId()),
                Formats.instant(run.startedAt()), Formats.between(run.startedAt(), run.finishedAt()),
                env == null ? Formats.MISSING : Formats.text(env.hostname()), name,
                s == null || s.description() == null || s.description().isBlank() ? null : s.description(),
                Headline.of(run.configurations(), run.summary().comparisons(), run.summary().recommendation(), colours),
                ConfigurationView.PERCENTILES.stream().map(p -> "p" + NiceScale.label(p)).toList(),
                new ReportView.Columns(!same(views, ConfigurationView::backend), !same(views, ConfigurationView::device),
                        !same(views, ConfigurationView::load)), shared(views),
                views, AnalysisView.of(run.summary(), run.configurations(), colours),
                resourceRows(run.configurations(), colours), charts(run.configurations(), colours,
                        AccuracyCharts.of(run, colours)),
                merged(EnvironmentRows.of(env), EnvironmentRows.merge(run)),
                EnvironmentRows.libraries(env), scenario(s), s == null ? null : s.source());
    }

    /** Each plotted configuration's colour, by id, the same in every chart of the report. */
    static Map<String, String> colours(RunResult run) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (ConfigurationResult c : run.configurations()) {
            if (plotted(c)) {
                colours.put(c.id(), Palette.colour(colours.size()));
            }
        }
        return colours;
    }

    private static List<KeyValue> merged(List<KeyValue> environment, List<KeyValue> provenance) {
        List<KeyValue> rows = new ArrayList<>(provenance);
        rows.addAll(environment);
        return rows;
    }

    /** True when every configuration has the same value (and there is at least one). */
    private static boolean same(List<ConfigurationView> views, Function<ConfigurationView, String> field) {
        return !views.isEmpty() && views.stream().map(field).distinct().count() == 1;
    }

    private static List<KeyValue> shared(List<ConfigurationView> views) {
        List<KeyValue> rows = new ArrayList<>();
        if (same(views, ConfigurationView::backend)) {
            rows.add(KeyValue.of("Backend", views.get(0).backend()));
        }
        if (same(views, ConfigurationView::device)) {
            rows.add(KeyValue.of("Device", views.get(0).device()));
        }
        if (same(views, ConfigurationView::load)) {
            rows.add(KeyValue.of("Load", views.get(0).load()));
        }
        return rows;
    }

    private static boolean plotted(ConfigurationResult c) {
        return c.status() == ConfigurationStatus.OK && c.measurement() != null;
    }

    private static ReportView.Charts charts(List<ConfigurationResult> configs, Map<String, String> colours,
                                            List<ReportView.Figure> accuracy) {
        List<SvgLatencyChart.Series> lines = new ArrayList<>();
        List<SvgBarChart.Bar> medians = new ArrayList<>();
        List<SvgBarChart.Bar> rates = new ArrayList<>();
        int index = 0;
        for (ConfigurationResult c : configs) {
            if (!plotted(c)) {
                continue;
            }
            String label = ConfigurationView.label(c) + (ConfigurationView.isValid(c) ? ""
                    : " (" + ConfigurationView.status(c) + ")");
            String colour = colours.get(c.id());
            lines.add(new SvgLatencyChart.Series(label, colour, Palette.dash(index++),
                    PercentileCurve.decode(c.measurement().histogram())));
            PercentileEstimate p50 = c.measurement().latency() == null ? null
                    : c.measurement().latency().percentile(50.0);
            if (p50 != null) {
                medians.add(new SvgBarChart.Bar(label, p50.valueMs(), p50.ci95Ms(),
                        Formats.ms(p50.valueMs()) + " ms", colour));
            }
            rates.add(new SvgBarChart.Bar(label, c.measurement().throughputQps(), c.measurement().throughputCi95Qps(),
                    Formats.rate(c.measurement().throughputQps()) + " /s", colour));
        }
        return new ReportView.Charts(SvgLatencyChart.render(lines),
                SvgBarChart.render("Median latency (p50) per configuration, in milliseconds, with 95% confidence "
                        + "intervals", "Median latency p50 (ms), whiskers: 95% CI", medians),
                SvgBarChart.render("Throughput per configuration, in queries per second, with 95% confidence "
                        + "intervals", "Throughput (queries/s), whiskers: 95% CI", rates),
                !lines.isEmpty(), TradeoffCharts.of(configs, colours), timelines(configs, colours),
                resources(configs, colours), accuracy);
    }

    private static List<ResourcesView.Row> resourceRows(List<ConfigurationResult> configs,
                                                        Map<String, String> colours) {
        List<ResourcesView.Row> rows = new ArrayList<>();
        for (ConfigurationResult c : configs) {
            ResourcesView.Row row = ResourcesView.row(c, colours.get(c.id()));
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** One CPU-and-memory-over-time figure per configuration with a utilization timeline. */
    private static List<ReportView.Figure> resources(List<ConfigurationResult> configs, Map<String, String> colours) {
        List<ReportView.Figure> figures = new ArrayList<>();
        for (ConfigurationResult c : configs) {
            UtilizationResult u = c.resources().utilization();
            if (u == null || u.timeline().isEmpty()) {
                continue;
            }
            String label = ConfigurationView.label(c);
            String phases = u.phases().stream().map(PhaseMark::phase).distinct().reduce((a, b) -> a + ", " + b)
                    .orElse(null);
            String svg = SvgResourceChart.render("Process CPU (% of one core), resident set size and heap in use "
                    + "(MiB) over time for " + label + (phases == null ? "" : "; phases shaded: " + phases), u);
            StringBuilder caption = new StringBuilder("Sampled every ").append(NiceScale.label(u.intervalSeconds()))
                    .append(" s for ").append(Formats.duration(u.durationSeconds() * 1000)).append(" in the process "
                    + "that ran the backend");
            if (phases != null) {
                caption.append("; dashed lines mark where each phase (").append(phases).append(") starts; every "
                        + "phase but the measurement is shaded");
            }
            caption.append(". 100% CPU is one core fully busy");
            if (u.cores() > 0) {
                caption.append(" (the machine has ").append(u.cores()).append(u.cores() == 1 ? " core)" : " cores)");
            }
            caption.append('.');
            figures.add(new ReportView.Figure(label, colours.get(c.id()), svg, caption.toString()));
        }
        return figures;
    }

    /** One latency-and-throughput-over-time figure per measured configuration with a timeline. */
    private static List<ReportView.Figure> timelines(List<ConfigurationResult> configs, Map<String, String> colours) {
        List<ReportView.Figure> figures = new ArrayList<>();
        for (ConfigurationResult c : configs) {
            PhaseResult m = c.measurement();
            if (!plotted(c) || m.timeline().isEmpty()) {
                continue;
            }
            PhaseResult w = c.phases().warmup();
            List<TimelinePoint> warmup = w == null ? List.of() : w.timeline();
            String label = ConfigurationView.label(c);
            String svg = SvgTimelineChart.render("Latency (p50, p99) and throughput per interval over time for "
                    + label + (warmup.isEmpty() ? "" : ", the warmup first, shaded"), warmup,
                    w == null ? 0 : w.durationMs() / 1000, m.timeline());
            TimelinePoint first = m.timeline().get(0);
            String interval = NiceScale.label(Math.round((first.endSeconds() - first.startSeconds()) * 100) / 100.0);
            // Merged forks keep only the first fork's timeline: say so, and how much of the whole it is.
            List<PhaseResult> forks = c.phases().forks();
            boolean forked = forks.size() >= 2;
            StringBuilder caption = new StringBuilder(forked ? "The first of " + forks.size() + " forks ("
                    + Formats.duration(forks.get(0).durationMs()) + " of the " + Formats.duration(m.durationMs())
                    + " measured)" : "Measured for " + Formats.duration(m.durationMs()))
                    .append(" in ").append(interval).append(" s intervals");
            if (!warmup.isEmpty()) {
                caption.append(", after a ").append(Formats.duration(w.durationMs())).append(" warmup (shaded)");
            }
            caption.append('.');
            PeakSearchResult peak = c.phases().peak();
            if (!forked && peak != null && PeakView.found(peak)) {
                caption.append(" The peak probe (").append(Formats.load(peak.searched(), peak.peak()))
                        .append(").");
            }
            figures.add(new ReportView.Figure(label, colours.get(c.id()), svg, caption.toString()));
        }
        return figures;
    }

    private static List<KeyValue> scenario(ScenarioRecord s) {
        if (s == null) {
            return List.of();
        }
        return List.of(KeyValue.of("File", s.file()), KeyValue.of("Name", s.name()),
                KeyValue.of("SHA-256", s.sha256()));
    }
}
