package io.inferbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.model.ModelResolver;
import io.inferbench.report.ReportRenderer;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.Backends;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.run.Preflight;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The jmh mode end to end on the synthetic backend: real JMH, one real fork per mode, short
 * iterations. Checks the conversion, not the machine's speed: the bounds are wide.
 */
class JmhScenarioRunnerTest {
    @TempDir
    Path dir;

    @Test
    void measuresASyntheticConfigurationIntoAnInferBenchResult() throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, """
                name: tiny
                backend: { name: synthetic, options: { latency-ms: 1 } }
                matrix:
                  jitter:
                    set: backend.options.jitter-ms
                    values: [0, 0.5]
                """);
        Backends backends = Backends.discover();
        Scenario scenario = new ScenarioParser(backends.byName()).parse(file);
        List<PreparedConfiguration> all = new Preflight(backends.byName(), ModelResolver.defaults()).check(scenario);
        assertEquals(2, all.size());
        JmhSettings settings = new JmhSettings(1, 1, 2, Duration.ofMillis(200), Duration.ofMillis(200));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path runDir = dir.resolve("out").resolve(JmhScenarioRunner.runId(scenario, Instant.now()));

        RunResult result = new JmhScenarioRunner(backends.byName(), null, settings,
                new PrintStream(console, true, StandardCharsets.UTF_8), VerboseMode.NORMAL)
                .run(scenario, List.of(all.get(0)), runDir);

        String log = console.toString(StandardCharsets.UTF_8);
        assertEquals(1, result.configurations().size(), log);
        ConfigurationResult c = result.configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason() + "\n" + log);
        assertEquals("c01", c.id());
        assertTrue(c.verdict().valid(), c.verdict().reasons() + "\n" + log);
        LatencySummary l = c.measurement().latency();
        assertTrue(l.meanMs() > 0.9 && l.meanMs() < 5, "JMH score " + l.meanMs() + " ms\n" + log);
        assertTrue(l.meanCi95Ms().bounded(), "mean CI " + l.meanCi95Ms() + "\n" + log);
        assertTrue(l.meanCi95Ms().low() <= l.meanMs() && l.meanMs() <= l.meanCi95Ms().high(),
                l.meanCi95Ms().toString());
        assertTrue(l.count() > 100, "calls " + l.count());
        assertEquals(l.count(), c.measurement().queries());
        assertFalse(l.percentiles().isEmpty(), "SampleTime percentiles");
        double p50 = l.valueMs(50);
        assertTrue(p50 > 0.9 && p50 < 5, "p50 " + p50);
        assertNotNull(c.measurement().histogram());
        assertTrue(HistogramCodec.decode(c.measurement().histogram()).getTotalCount() > 100);
        assertTrue(c.measurement().throughputQps() > 200 && c.measurement().throughputQps() < 1100,
                "throughput " + c.measurement().throughputQps());
        assertEquals("1", c.setup().settings().get("jmh.forks"));
        assertEquals("1 × 200ms", c.setup().settings().get("jmh.warmup"));
        assertEquals("2 × 200ms", c.setup().settings().get("jmh.iterations"));
        assertEquals("1.0", c.session().properties().get("latency-ms"));
        assertNotNull(c.phases().warmup());
        assertTrue(c.phases().warmup().queries() > 0, "warmup calls");
        assertEquals(1, c.phases().forks().size());
        assertTrue(result.environment().libraries().containsKey("jmh"), result.environment().libraries().toString());

        // The file on disk is the same result, and the normal report renders it.
        RunResult read = ResultJson.read(runDir.resolve(JmhScenarioRunner.RESULT_FILE));
        assertEquals(result.runId(), read.runId());
        assertNotNull(read.finishedAt());
        Path html = runDir.resolve("report.html");
        new ReportRenderer().write(read, html);
        assertTrue(Files.readString(html).contains("c01"));
    }

    @Test
    void aConfigurationThatCannotRunFailsWithTheBackendsReasonWithoutJmh() throws Exception {
        Path file = dir.resolve("failing.yaml");
        Files.writeString(file, """
                name: failing
                backend: { name: synthetic, options: { latency-ms: 1, failure-rate: 1 } }
                """);
        Backends backends = Backends.discover();
        Scenario scenario = new ScenarioParser(backends.byName()).parse(file);
        List<PreparedConfiguration> all = new Preflight(backends.byName(), ModelResolver.defaults()).check(scenario);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult result = new JmhScenarioRunner(backends.byName(), null,
                new JmhSettings(1, 0, 1, Duration.ofMillis(100), Duration.ofMillis(100)),
                new PrintStream(console, true, StandardCharsets.UTF_8), VerboseMode.SILENT)
                .run(scenario, all, dir.resolve("out").resolve("r"));
        ConfigurationResult c = result.configurations().get(0);
        assertEquals(ConfigurationStatus.FAILED, c.status());
        assertTrue(c.outcome().reason().contains("synthetic failure"), c.outcome().reason());
        assertTrue(result.anyFailed());
    }
}
