package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results with missing parts (a run cut short, an old or hand-written file) still render. */
class ReportRobustnessTest {
    @Test
    void rendersAResultWithNoEnvironmentScenarioOrMeasurements() {
        ConfigurationResult noLatency = new ConfigurationResult(new ConfigurationSetup("c01", null, null, null, null,
                null, null, null, null, null), null, new ConfigurationOutcome.Ok(null),
                PhasesResult.once(null, new PhaseResult(0, 0, 0, null, 0, 0, null, 0, null, null, null), null), null,
                null);
        ConfigurationResult skipped = HeadlineTest.notRun("gpu", ConfigurationStatus.SKIPPED, null);
        RunResult run = new RunResult(RunResult.SCHEMA, "r1", null, null, null, null, List.of(noLatency, skipped),
                null);
        String html = new ReportRenderer().render(run);
        assertTrue(html.contains("No configuration produced a valid measurement."));
        assertTrue(html.contains("the result records no verdict"));
        assertTrue(html.contains("No successful measurement to plot."));
        assertTrue(html.contains("The result does not record the scenario source."));
        assertFalse(html.contains("<path"));
    }

    @Test
    void manyConfigurationsRepeatColoursWithADashPattern() throws IOException {
        List<ConfigurationResult> configs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            configs.add(HeadlineTest.ok("cfg-" + i, 2 + i, 1.9 + i, 2.1 + i, true, 100 - i, Verdict.of(List.of()), 0));
        }
        RunResult fixture = ReportFixtures.run();
        // Give every configuration the fixture's histogram so each draws a line.
        String histogram = fixture.configurations().get(0).measurement().histogram();
        List<ConfigurationResult> withData = configs.stream().map(c -> new ConfigurationResult(c.setup(), null,
                c.outcome(), PhasesResult.once(null, withHistogram(c.measurement(), histogram), null),
                new ResourcesResult(1, null, null), null)).toList();
        RunResult many = fixture.withConfigurations(withData, fixture.finishedAt());
        String html = new ReportRenderer().render(many);
        new ReportRenderer().write(many, Path.of("target", "report-many.html")); // for a look in a browser
        assertEquals(9, html.split("<path ", -1).length - 1);
        assertEquals(4, html.split("stroke-dasharray=\"8 4\"", -1).length - 1,
                "series 8 and 9 are dashed, in the chart and in the legend");
    }

    private static PhaseResult withHistogram(PhaseResult p, String histogram) {
        return new PhaseResult(p.queries(), p.samples(), p.errors(), p.firstError(), p.durationMs(),
                p.throughputQps(), p.throughputCi95Qps(), p.samplesPerSecond(), p.latency(), histogram, p.timeline());
    }
}
