package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.result.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's bad input: exit 2 with one line naming what is wrong. */
class GateCommandTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void oneRealRun() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: gate-input
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 100ms, min-duration: 300ms, min-queries: 20, forks: 0 }
                """);
        CliRun r = CliRun.of("run", scenario.toString(), "--out", dir.resolve("results").toString(), "--no-report");
        assertEquals(0, r.exitCode(), r::toString);
        try (var s = Files.list(dir.resolve("results"))) {
            run = s.findFirst().orElseThrow();
        }
    }

    private static void assertBadInput(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(expected), r::toString);
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank() && !l.startsWith("Try ")).count(), r::toString);
    }

    /** A copy of the run with one top-level field changed. */
    private static Path variant(String name, String field, String value, boolean environment) throws Exception {
        ObjectNode tree = (ObjectNode) ResultJson.mapper().readTree(run.resolve("result.json").toFile());
        ObjectNode target = environment ? (ObjectNode) tree.get("environment") : (ObjectNode) tree.get("scenario");
        target.put(field, value);
        tree.put("runId", name);
        Path folder = dir.resolve("variants").resolve(name);
        Files.createDirectories(folder);
        ResultJson.mapper().writeValue(folder.resolve("result.json").toFile(), tree);
        return folder;
    }

    @Test
    void missingCurrentOrHistoryIsBadInput() {
        assertBadInput("CURRENT: no result at", "gate", dir.resolve("nope").toString(), "--history", dir.toString());
        assertBadInput("--history " + dir.resolve("none") + ": not a folder", "gate", run.toString(), "--history",
                dir.resolve("none").toString());
    }

    @Test
    void baselineOrHistoryIsRequiredAndNotBoth() {
        CliRun r = CliRun.of("gate", run.toString());
        assertEquals(2, r.exitCode(), r::toString);
        CliRun both = CliRun.of("gate", run.toString(), "--baseline", run.toString(), "--history", dir.toString());
        assertEquals(2, both.exitCode(), both::toString);
    }

    @Test
    void aCorruptResultIsBadInput() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("result.json"), "{\"schema\": \"inferbench.run/2\", \"runId\": ");
        assertBadInput("CURRENT: cannot read", "gate", broken.toString(), "--history", dir.toString());
    }

    @Test
    void aBaselineOfAnotherScenarioIsBadInput() throws Exception {
        Path other = variant("other-scenario", "name", "something-else", false);
        assertBadInput("is a run of scenario 'something-else', not 'gate-input'", "gate", run.toString(),
                "--baseline", other.toString());
    }

    @Test
    void aBaselineOfAnotherMachineIsBadInputUnlessAllowed() throws Exception {
        Path other = variant("other-machine", "cpuModel", "Some Other CPU", true);
        assertBadInput("was measured on another machine (CPU", "gate", run.toString(), "--baseline", other.toString());
        CliRun allowed = CliRun.of("gate", run.toString(), "--baseline", other.toString(), "--allow-other-machine");
        assertEquals(0, allowed.exitCode(), allowed::toString);
        assertTrue(allowed.out().contains("environment change since other-machine: CPU Some Other CPU"),
                allowed::toString);
    }

    @Test
    void badFlagsAreBadInput() {
        assertBadInput("--threshold p42=5%: unknown metric 'p42'", "gate", run.toString(), "--history",
                dir.toString(), "--threshold", "p42=5%");
        assertBadInput("'fast' is not a number (a percentage, e.g. 5% or 5)", "gate", run.toString(), "--history",
                dir.toString(), "--threshold", "p99=fast");
        assertBadInput("threshold of accuracy: '1%' is ambiguous", "gate", run.toString(), "--history",
                dir.toString(), "--threshold", "accuracy=1%");
        assertBadInput("--confirm 99: expected 0 to 20 reruns", "gate", run.toString(), "--history", dir.toString(),
                "--confirm", "99");
        assertBadInput("alpha must be in (0, 0.5)", "gate", run.toString(), "--history", dir.toString(),
                "--alpha", "0.7");
    }

    @Test
    void aFirstRunIsAllNewAndPasses() {
        CliRun r = CliRun.of("gate", run.toString(), "--history", dir.resolve("results").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("new"), r::toString);
        assertTrue(Files.isRegularFile(run.resolve("gate.json")));
    }
}
