package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ReportView} of a {@link RunResult}: formats every figure and draws the charts. */
final class ReportViewFactory {
    private ReportViewFactory() {
    }

    static ReportView create(RunResult run) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (ConfigurationResult c : run.configurations()) {
            if (plotted(c)) {
                colours.put(c.id(), Palette.colour(colours.size()));
            }
        }
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
                Headline.of(run.configurations(), colours),
                ConfigurationView.PERCENTILES.stream().map(p -> "p" + NiceScale.label(p)).toList(),
                views, charts(run.configurations(), colours), EnvironmentRows.of(env),
                EnvironmentRows.libraries(env), scenario(s), s == null ? null : s.source());
    }

    private static boolean plotted(ConfigurationResult c) {
        return c.status() == ConfigurationStatus.OK && c.measurement() != null;
    }

    private static ReportView.Charts charts(List<ConfigurationResult> configs, Map<String, String> colours) {
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
                !lines.isEmpty());
    }

    private static List<KeyValue> scenario(ScenarioRecord s) {
        if (s == null) {
            return List.of();
        }
        return List.of(KeyValue.of("File", s.file()), KeyValue.of("Name", s.name()),
                KeyValue.of("SHA-256", s.sha256()));
    }
}
