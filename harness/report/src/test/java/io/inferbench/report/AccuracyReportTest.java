package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.AccuracyDropResult;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.api.Interval;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's accuracy table: shown with values, intervals, drops and notes; absent without accuracy. */
class AccuracyReportTest {
    @Test
    void tableShowsAccuracyDropsAndNotesEscaped() {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>(run.configurations());
        configs.set(0, configs.get(0).withAccuracy(List.of(new AccuracyResult("spam", "embedding-probe", "m.tsv",
                AccuracyResult.Status.OK, null, List.of(new AccuracyMetric("accuracy", 0.953, new Interval(0.921,
                0.972, true), 0.95, 300, "Wilson score", "300 train / 300 test <b>", null)), 12_000))));
        configs.set(1, configs.get(1).withAccuracy(List.of(new AccuracyResult("spam", "embedding-probe", "m.tsv",
                AccuracyResult.Status.FAILED, "embedding-probe failed: font <missing>", List.of(), 5))));
        RunResult withAccuracy = run.withConfigurations(configs, run.finishedAt()).withSummary(new RunSummary(
                run.summary().comparisons(), run.summary().recommendation(), run.summary().agreements(),
                List.of(new AccuracyDropResult("c02", "c01", "spam", "accuracy", 0.953, 0.95, 0.3,
                        new Interval(-0.7, 1.3, true), 0.95, 300, "paired bootstrap"))));
        String html = new ReportRenderer().render(withAccuracy);
        assertTrue(html.contains("<h2>Accuracy</h2>"), "accuracy section");
        assertTrue(html.contains("95.3%") && html.contains("92.1–97.2"), "value and interval");
        assertTrue(html.contains("0.30 pt [-0.70, 1.30]"), "drop against the reference");
        assertTrue(html.contains(">reference<"), "the reference row says so");
        assertTrue(html.contains("FAILED: ") && html.contains("font &lt;missing&gt;"), "failure note, escaped");
        assertTrue(html.contains("300 train / 300 test &lt;b&gt;"), "notes escaped");
        assertFalse(html.contains("<b>"), "nothing from a result is markup");
    }

    @Test
    void tasksAModelDoesNotFitAreOneLineNotARowPerConfiguration() {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            configs.add(c.withAccuracy(List.of(new AccuracyResult("orientation", "ocr-orientation", null,
                    AccuracyResult.Status.SKIPPED, "expects one image input, the model has 3", List.of(), 1))));
        }
        configs.set(0, configs.get(0).withAccuracy(List.of(
                new AccuracyResult("spam", "embedding-probe", "m.tsv", AccuracyResult.Status.OK, null,
                        List.of(new AccuracyMetric("accuracy", 0.9, new Interval(0.85, 0.94, true), 0.95, 150,
                                "Wilson score", "", null)), 1000),
                new AccuracyResult("orientation", "ocr-orientation", null, AccuracyResult.Status.SKIPPED,
                        "expects one image input, the model has 3", List.of(), 1))));
        RunResult withAccuracy = run.withConfigurations(configs, run.finishedAt());
        AccuracyView view = AccuracyView.of(withAccuracy);
        assertEquals(1, view.rows().size(), "only the scored task has a row: " + view.rows());
        assertEquals(List.of("orientation (ocr-orientation) skipped on " + configs.size() + " configurations ("
                + String.join(", ", configs.stream().map(ConfigurationResult::label).toList())
                + "): expects one image input, the model has 3"), view.skipped());
        String html = new ReportRenderer().render(withAccuracy);
        assertTrue(html.contains("skipped on " + configs.size() + " configurations"), "the skip is said once");
        assertFalse(html.contains("SKIPPED: "), "no skipped rows");
    }

    @Test
    void taskAccuracyIsPlottedAgainstLatencyWithItsFront() {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>();
        double[] accuracy = {0.92, 0.915, 0.93};
        int scored = 0;
        for (ConfigurationResult c : run.configurations()) {
            if (c.measurement() != null && scored < accuracy.length) {
                double v = accuracy[scored++];
                c = c.withAccuracy(List.of(new AccuracyResult("spam", "embedding-probe", "m.tsv",
                        AccuracyResult.Status.OK, null, List.of(new AccuracyMetric("accuracy", v,
                        new Interval(v - 0.04, v + 0.03, true), 0.95, 200, "Wilson score", "", null)), 1000)));
            }
            configs.add(c);
        }
        RunResult withAccuracy = run.withConfigurations(configs, run.finishedAt());
        List<ReportView.Figure> figures = AccuracyCharts.taskFigures(withAccuracy, java.util.Map.of());
        assertEquals(1, figures.size(), "one figure for the one task");
        assertEquals("Task accuracy: spam", figures.get(0).title());
        assertTrue(figures.get(0).svg().contains("class=\"point front\""), "the front is drawn");
        assertTrue(figures.get(0).caption().contains("over 200 items"), figures.get(0).caption());
        assertTrue(new ReportRenderer().render(withAccuracy).contains("Task accuracy: spam"), "on the run page");
    }

    @Test
    void noAccuracyNoSection() {
        String html = new ReportRenderer().render(ReportFixtures.run());
        assertFalse(html.contains("<h2>Accuracy</h2>"));
    }
}
