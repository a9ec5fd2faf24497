package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.Estimate;
import io.inferbench.result.ResourceEstimates;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of a real result has an interval or says why not: results written by runs of the
 * synthetic backend (in two forks, in process offline, and as a peak search), walked as JSON by
 * {@link FigureWalker}, and the same walker failing on a result given a bare figure.
 */
class EveryFigureHasAnIntervalTest {
    @TempDir
    Path dir;

    @Test
    void aForkedRunHasAnIntervalOnEveryFigureAcrossTheForks() throws Exception {
        RunResult run = run("""
                name: forked
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 2, warmup: 5, min-duration: 400ms, min-queries: 20 }
                """, false);
        assertNoBareFigure(run);
        ResourceEstimates e = only(run).resources().estimates();
        assertEquals(2, e.runs());
        for (Estimate x : List.of(e.cpuPercentOfOneCore(), e.rssBytes(), e.peakRssBytes(), e.modelLoadMs(),
                e.firstInferenceMs())) {
            assertEquals(2, x.n(), x.toString());
            assertEquals("forks", x.over());
            assertNotNull(x.ci95(), "two forks give an interval: " + x);
            assertTrue(x.ci95().low() <= x.value() && x.value() <= x.ci95().high(), x.toString());
        }
    }

    @Test
    void anOfflineRunInProcessHasIntervalsOverTheSamplerAndSaysWhyTheColdStartHasNone() throws Exception {
        RunResult run = run("""
                name: offline
                inputs: { batch-size: 4 }
                backend: { name: synthetic, options: { latency-ms: 2 } }
                load: { profile: offline, workers: 1 }
                run: { warmup: 5, min-duration: 600ms, min-queries: 20 }
                """, true);
        assertNoBareFigure(run);
        ConfigurationResult c = only(run);
        var m = c.measurement();
        assertTrue(m.samplesPerSecondCi95().bounded(), "several timeline intervals bound the rate: " + m);
        assertTrue(m.samplesPerSecondCi95().low() <= m.samplesPerSecond()
                && m.samplesPerSecond() <= m.samplesPerSecondCi95().high(), m.samplesPerSecondCi95().toString());
        ResourceEstimates e = c.resources().estimates();
        assertEquals(1, e.runs());
        assertEquals("utilization intervals", e.cpuPercentOfOneCore().over());
        assertTrue(e.cpuPercentOfOneCore().n() >= 3 && e.cpuPercentOfOneCore().bounded(), e.toString());
        assertEquals(Estimate.SINGLE, e.modelLoadMs().noInterval());
        assertEquals(1, e.modelLoadMs().n());
        assertEquals(Estimate.SINGLE, e.firstInferenceMs().noInterval());
    }

    @Test
    void aPeakSearchRecordsTheBracketItEndedOn() throws Exception {
        RunResult run = run("""
                name: peak
                backend: { name: synthetic, options: { latency-ms: 5 } }
                load: { profile: peak-search, search: rate, percentile: 99, slo: 30ms, start: 50, max: 800,
                        precision: 0.3, workers: 1, max-in-flight: 50 }
                run: { warmup: 3, min-duration: 250ms, min-queries: 10 }
                """, true);
        assertNoBareFigure(run);
        var peak = only(run).phases().peak();
        assertTrue(peak.found(), peak.toString());
        assertTrue(peak.bracket().bounded(), "a 5 ms service time fails well below 800 q/s: " + peak.bracket());
        assertEquals(peak.peak(), peak.bracket().low());
        assertTrue(peak.bracket().high() > peak.peak(), peak.bracket().toString());
    }

    @Test
    void aBareFigureIsFound() throws Exception {
        RunResult run = run("""
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 5, min-duration: 300ms, min-queries: 20 }
                """, true);
        JsonNode clean = tree(run);
        assertEquals(List.of(), FigureWalker.bareFigures(clean));

        ObjectNode added = clean.deepCopy();
        measurement(added).put("p42Ms", 3.1);
        assertEquals(List.of("configurations.phases.measurement.p42Ms: a figure with neither an interval nor a "
                + "reason for none"), FigureWalker.bareFigures(added));

        ObjectNode noInterval = clean.deepCopy();
        measurement(noInterval).remove("samplesPerSecondCi95");
        assertEquals(List.of("configurations.phases.measurement.samplesPerSecond: its interval samplesPerSecondCi95 "
                + "is missing (field samplesPerSecond)"), FigureWalker.bareFigures(noInterval));

        ObjectNode noReason = clean.deepCopy();
        ((ObjectNode) noReason.get("configurations").get(0).get("resources").get("estimates").get("modelLoadMs"))
                .putNull("noInterval");
        assertEquals(List.of("configurations.resources.estimates.modelLoadMs: an estimate with neither an interval "
                        + "nor a reason for none",
                "configurations.resources.coldStart.modelLoadMs: its interval config:resources.estimates.modelLoadMs "
                        + "is an estimate with neither an interval nor a reason for none (field modelLoadMs)",
                "configurations.resources.loadTimeMs: its interval config:resources.estimates.modelLoadMs is an "
                        + "estimate with neither an interval nor a reason for none (field loadTimeMs)")
                .stream().sorted().toList(), FigureWalker.bareFigures(noReason).stream().sorted().toList());
    }

    private RunResult run(String yaml, boolean inProcess) throws Exception {
        Path scenarioDir = dir.resolve("s" + System.nanoTime());
        java.nio.file.Files.createDirectories(scenarioDir);
        Scenario s = ForkRuns.scenario(scenarioDir, yaml);
        BenchmarkRunner runner = ForkRuns.runner(scenarioDir).inProcess(inProcess);
        RunResult run = ForkRuns.run(runner, s, scenarioDir.resolve("run"), RunListener.NONE);
        ConfigurationResult c = only(run);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        return run;
    }

    private static ConfigurationResult only(RunResult run) {
        assertEquals(1, run.configurations().size());
        return run.configurations().get(0);
    }

    /** The result as written: through its JSON codec, read back as a tree. */
    private static JsonNode tree(RunResult run) throws Exception {
        return ResultJson.mapper().readTree(ResultJson.toJson(run));
    }

    private static ObjectNode measurement(JsonNode tree) {
        return (ObjectNode) tree.get("configurations").get(0).get("phases").get("measurement");
    }

    private static void assertNoBareFigure(RunResult run) throws Exception {
        List<String> bare = FigureWalker.bareFigures(tree(run));
        assertEquals(List.of(), bare, "figures without an interval or a reason:\n" + String.join("\n", bare));
    }
}
