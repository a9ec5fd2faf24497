package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.Estimate;
import io.inferbench.result.ResourceEstimates;
import io.inferbench.result.RunResult;
import io.inferbench.stats.ResourceStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report shows each resource, cold-start, samples/s and peak figure with its interval and
 * sample size, or why it has none: run once (intervals over the sampler's), across forks, and a
 * peak search's bracket.
 */
class ReportIntervalsTest {
    @Test
    void resourcesShowTheirIntervalsOverTheSamplerAndTheColdStartSaysNEqualsOne() throws IOException {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>(run.configurations());
        ConfigurationResult fast = configs.get(1);
        // As the runner records it: estimates from the run's own sampler.
        configs.set(1, withEstimates(fast, ResourceStatistics.ofRun(fast.resources(), fast.measurement())));
        RunResult withEstimates = run.withConfigurations(configs, run.finishedAt());
        String html = new ReportRenderer().render(withEstimates);
        new ReportRenderer().write(withEstimates, Path.of("target", "report-intervals.html"));

        String table = between(html, "id=\"resources\"", "</table>");
        assertTrue(table.contains("Mean RSS"), table);
        assertTrue(table.contains(" · n 16<"), "CPU and RSS over the 16 sampler intervals:\n" + table);
        assertTrue(table.contains(">n = 1, no interval<"), "the cold start of one run says why it has no interval");

        String card = between(html, "id=\"config-c02\"", "id=\"config-c03\"");
        for (String s : List.of("Process CPU, mean", "; n = 16 utilization intervals)", "RSS, mean",
                "Energy per inference (measurement)", ">298 ms (n = 1, no interval)<",
                "high-water mark: n = 1, no interval)<", ">21.7 ms (n = 1, no interval)<")) {
            assertTrue(card.contains(s), s + " missing in\n" + card);
        }
        assertTrue(card.contains("Samples per second") && card.matches("(?s).*Samples per second</th>\\s*<td[^>]*>"
                + "[0-9,.]+ \\(95% CI [0-9,.]+–[0-9,.]+; n = \\d+ timeline intervals\\)<.*"), card);
    }

    @Test
    void acrossForksTheFiguresShowTheForksInterval() throws IOException {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>(run.configurations());
        Estimate cpu = Estimate.of(371, new Interval(360, 382, true), 3, "forks");
        Estimate load = Estimate.of(405, new Interval(380, 430, true), 3, "forks");
        configs.set(0, withEstimates(configs.get(0), new ResourceEstimates(3, cpu, null, null, null, null, load,
                null, null)));
        String html = new ReportRenderer().render(run.withConfigurations(configs, run.finishedAt()));
        String table = between(html, "id=\"resources\"", "</table>");
        assertTrue(table.contains(">371%<") && table.contains(">360%–382% · n 3<"), table);
        assertTrue(table.contains(">405 ms<") && table.contains(">380 ms–430 ms · n 3<"), table);
        String card = between(html, "id=\"config-c01\"", "id=\"config-c02\"");
        assertTrue(card.contains(">371% (95% CI 360%–382%; n = 3 forks) of one core<"), card);
        assertTrue(card.contains(">405 ms (95% CI 380 ms–430 ms; n = 3 forks)<"), card);
    }

    @Test
    void aPeakSearchShowsTheBracketItEndedOn() throws IOException {
        String html = new ReportRenderer().render(LoadFixtures.run());
        assertTrue(html.contains(">37.5 q/s – 38.75 q/s (n = 7 probes)<"), "the bracket and the probes behind it");
    }

    private static ConfigurationResult withEstimates(ConfigurationResult c, ResourceEstimates e) {
        return new ConfigurationResult(c.setup(), c.session(), c.outcome(), c.phases(),
                c.resources().withEstimates(e), c.accuracy());
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertTrue(start >= 0, from + " missing");
        int end = page.indexOf(to, start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
