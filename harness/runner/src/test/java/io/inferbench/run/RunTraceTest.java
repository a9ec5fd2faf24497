package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.Scenario;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run.trace: true} on a real short run: both files read back and checked against the result. */
class RunTraceTest {
    @TempDir
    Path dir;

    @Test
    void traceFilesHoldEveryQueryOfTheTracedConfiguration() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                name: traced
                backend: { name: synthetic, options: { latency-ms: 1 } }
                load: { profile: concurrency, concurrency: 2 }
                run: { forks: 2, warmup: 5, min-duration: 300ms, min-queries: 20 }
                matrix:
                  trace:
                    on: { run: { trace: true } }
                    off: {}
                """);
        Path runDir = dir.resolve("run");
        RunResult run = ForkRuns.run(ForkRuns.runner(dir), s, runDir, new RunListener() {
        });
        ConfigurationResult on = ForkRuns.byLabel(run, "trace=on");
        assertEquals(ConfigurationStatus.OK, on.status(), () -> on.outcome().reason());

        // The CSV: every row of the traced configuration, counted per fork and phase.
        Map<String, Long> rows = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(runDir.resolve(RunTrace.CSV))), StandardCharsets.US_ASCII))) {
            assertEquals("configuration,fork,phase,worker,query,sample,scheduled_ns,start_ns,end_ns,ok", r.readLine());
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                assertEquals(10, f.length, line);
                assertEquals(on.id(), f[0], "only the traced configuration: " + line);
                long scheduled = Long.parseLong(f[6]);
                long start = Long.parseLong(f[7]);
                long end = Long.parseLong(f[8]);
                assertTrue(0 <= scheduled && scheduled <= start && start <= end, "scheduled <= start <= end: " + line);
                rows.merge(f[1] + " " + f[2], 1L, Long::sum);
            }
        }
        long measured = 0;
        for (int fork = 1; fork <= 2; fork++) {
            ConfigurationResult own = ResultJson.mapper().readValue(runDir.resolve("forks/" + on.id() + "-fork" + fork
                    + ".result.json").toFile(), ConfigurationResult.class);
            assertEquals(own.measurement().queries(), rows.getOrDefault(fork + " measurement", 0L), "fork " + fork);
            assertEquals(own.phases().warmup().queries(), rows.getOrDefault(fork + " warmup", 0L), "fork " + fork);
            measured += rows.getOrDefault(fork + " measurement", 0L);
        }
        assertEquals(on.measurement().queries(), measured, "the result's query count");

        // The Chrome trace: Trace Event Format, one complete event per query, ts and dur in microseconds.
        JsonNode trace = new ObjectMapper().readTree(runDir.resolve(RunTrace.JSON).toFile());
        assertTrue(trace.get("traceEvents").isArray());
        long complete = 0;
        long measuredEvents = 0;
        double lastEndUs = 0;
        for (JsonNode e : trace.get("traceEvents")) {
            String ph = e.get("ph").asText();
            assertTrue(List.of("X", "M").contains(ph), e.toString());
            assertTrue(e.get("pid").isInt() && e.get("tid").isInt(), e.toString());
            if (ph.equals("X")) {
                complete++;
                measuredEvents += e.get("cat").asText().equals("measurement") ? 1 : 0;
                assertTrue(e.get("ts").isNumber() && e.get("ts").asDouble() >= 0, e.toString());
                assertTrue(e.get("dur").isNumber() && e.get("dur").asDouble() >= 0, e.toString());
                assertTrue(e.get("args").get("scheduled_us").asDouble() <= e.get("ts").asDouble(), e.toString());
                lastEndUs = Math.max(lastEndUs, e.get("ts").asDouble() + e.get("dur").asDouble());
            }
        }
        assertEquals(rows.values().stream().mapToLong(Long::longValue).sum(), complete, "one event per CSV row");
        assertEquals(on.measurement().queries(), measuredEvents);
        // Microseconds since the run's start: the synthetic 1 ms queries put the events within the run's seconds.
        double runUs = java.time.Duration.between(run.startedAt(), run.finishedAt()).toNanos() / 1000.0;
        assertTrue(lastEndUs > 1000 && lastEndUs <= runUs, "events end at " + lastEndUs + " µs of a " + runUs
                + " µs run");
        assertFalse(Files.list(runDir).anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file");
    }

    @Test
    void noTraceFilesUnlessAsked() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                name: untraced
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 0, warmup: 2, min-duration: 100ms, min-queries: 5 }
                """);
        Path runDir = dir.resolve("run");
        ForkRuns.run(ForkRuns.runner(dir), s, runDir, new RunListener() {
        });
        assertFalse(Files.exists(runDir.resolve(RunTrace.CSV)));
        assertFalse(Files.exists(runDir.resolve(RunTrace.JSON)));
    }
}
