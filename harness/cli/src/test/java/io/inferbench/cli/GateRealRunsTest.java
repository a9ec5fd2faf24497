package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on real runs of this machine: five nights of a synthetic scenario, then an unchanged night
 * passes and a night with one configuration 15% slower fails, naming only that configuration; with
 * {@code --confirm} the slowdown reproduces against interleaved reruns of the baseline's scenario.
 */
class GateRealRunsTest {
    private static final String SCENARIO = """
            name: gate-nightly
            backend:
              name: synthetic
              options: { distribution: fixed, latency-ms: 2 }
            run: { warmup: 200ms, min-duration: 800ms, min-queries: 100, forks: 0 }
            matrix:
              config:
                a: { backend: { options: { latency-ms: 2 } } }
                b: { backend: { options: { latency-ms: 3 } } }
                c: { backend: { options: { latency-ms: LATENCY_C } } }
            """;

    @TempDir
    Path dir;

    private Path night(String latencyC) throws IOException {
        Path scenario = dir.resolve("nightly-" + latencyC + ".yaml");
        Files.writeString(scenario, SCENARIO.replace("LATENCY_C", latencyC));
        Path results = dir.resolve("results");
        List<Path> before = runs(results);
        CliRun r = CliRun.of("run", scenario.toString(), "--out", results.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r::toString);
        List<Path> after = runs(results);
        after.removeAll(before);
        assertEquals(1, after.size(), after::toString);
        return after.get(0);
    }

    private static List<Path> runs(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return new java.util.ArrayList<>();
        }
        try (Stream<Path> s = Files.list(results)) {
            return new java.util.ArrayList<>(s.sorted().toList());
        }
    }

    @Test
    void anUnchangedNightPassesAndOneConfiguration15PercentSlowerFailsNamingOnlyIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            night("4");
            Thread.sleep(1100); // run ids are by the second
        }
        Path unchanged = night("4");
        CliRun pass = CliRun.of("gate", unchanged.toString(), "--history", dir.resolve("results").toString());
        assertEquals(0, pass.exitCode(), pass::toString);
        assertTrue(pass.out().contains("against history: 5 earlier run(s)"), pass::toString);
        GateRecord passed = GateRecordJson.read(unchanged.resolve(GateRecordJson.FILE));
        assertTrue(passed.passed());
        assertEquals(5, passed.historyRunIds().size());

        Thread.sleep(1100);
        Path slower = night("4.6");
        Path junitless = dir.resolve("gate.json");
        Path junit = dir.resolve("gate.xml");
        Path markdown = dir.resolve("gate.md");
        CliRun fail = CliRun.of("gate", slower.toString(), "--history", dir.resolve("results").toString(),
                "--json", junitless.toString(), "--junit", junit.toString(), "--markdown", markdown.toString());
        assertEquals(1, fail.exitCode(), fail::toString);
        List<String> lines = fail.err().lines().filter(l -> l.startsWith("regression: ")).toList();
        assertFalse(lines.isEmpty(), fail::toString);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("regression: config=c ")), fail::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("regression: config=c p50: ")), fail::toString);
        GateRecord record = GateRecordJson.read(junitless);
        assertEquals(List.of("config=c"), record.failures().stream().map(GateRecord.Verdict::configuration)
                .distinct().toList());
        GateRecord.Verdict p50 = record.failures().stream().filter(v -> v.metric().equals("p50")).findFirst()
                .orElseThrow();
        assertEquals(1.15, p50.change(), 0.03);
        assertEquals(6, p50.historyRuns());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<failure") && xml.contains("config=c"), xml);
        // One JUnit failure per regression, every one of them in config=c's test cases.
        assertEquals(record.failures().size(), xml.split("<failure", -1).length - 1, xml);
        String md = Files.readString(markdown);
        assertTrue(md.contains("FAILED") && md.contains("config=c"), md);

        // The baseline (the unchanged night's scenario at 4 ms) re-run beside tonight's: the slowdown holds.
        CliRun confirmed = CliRun.of("gate", slower.toString(), "--history", dir.resolve("results").toString(),
                "--confirm", "2");
        assertEquals(1, confirmed.exitCode(), confirmed::toString);
        GateRecord.Confirmation c = GateRecordJson.read(slower.resolve(GateRecordJson.FILE)).failures().stream()
                .filter(v -> v.metric().equals("p50")).findFirst().orElseThrow().confirmation();
        assertTrue(c.confirmed(), c::toString);
        assertEquals("interleaved baseline reruns (A/B/B/A)", c.against());
        assertEquals(1.15, c.change(), 0.03);
        assertTrue(confirmed.err().contains("gate: confirming config=c: baseline's rerun 1/2"), confirmed::toString);
    }
}
