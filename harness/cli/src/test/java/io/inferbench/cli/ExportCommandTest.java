package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecordJson;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inferbench export}: what it writes where, and exit 2 with one line on bad input. */
class ExportCommandTest {
    private static final String RUN_ID = "20261203-020000-nightly";

    @TempDir
    Path dir;
    Path runDir;

    @BeforeEach
    void writeARunWithItsGateRecord() throws Exception {
        runDir = dir.resolve(RUN_ID);
        ResultJson.write(run(), runDir.resolve("result.json"));
        GateRecordJson.write(gate(RUN_ID, GateRecord.Outcome.REGRESSION), runDir.resolve(GateRecordJson.FILE));
    }

    private static RunResult run() {
        LatencySummary latency = new LatencySummary(500, 2.1, new Interval(2.0, 2.2, true), 0.3, 1.5, 6.0,
                List.of(new PercentileEstimate(50.0, 2.0, new Interval(1.95, 2.05, true)),
                        new PercentileEstimate(99.0, 4.5, new Interval(4.0, 5.5, true))));
        PhaseResult m = new PhaseResult(500, 500, 0, null, 1000, 480, new Interval(470, 490, true), 480, latency, null,
                List.of());
        ConfigurationSetup setup = new ConfigurationSetup("c01", "threads=1", Map.of("threads", "1"), "synthetic", "cpu",
                "single-stream", null, null, null, Map.of());
        ConfigurationResult ok = new ConfigurationResult(setup, SessionInfo.NONE,
                new ConfigurationOutcome.Ok(Verdict.of(List.of())), PhasesResult.once(null, m, null),
                ResourcesResult.NONE, List.of());
        ConfigurationResult failed = ConfigurationResult.notMeasured(new ConfigurationSetup("c02", "threads=2",
                Map.of("threads", "2"), "synthetic", "cpu", "single-stream", null, null, null, Map.of()),
                SessionInfo.NONE, ConfigurationStatus.FAILED, "fork 1 crashed", List.of());
        Instant start = Instant.parse("2026-12-03T02:00:00Z");
        return new RunResult(RunResult.SCHEMA, RUN_ID, start, start.plusSeconds(30),
                new ScenarioRecord("nightly.yaml", "nightly", "", "00", ""), null, List.of(ok, failed), RunSummary.NONE);
    }

    private static GateRecord gate(String runId, GateRecord.Outcome p99) {
        GateRecord.Verdict v = new GateRecord.Verdict("threads=1", "p99", "ms", true, true, p99, 4.0, 4.5, 1.125, 1.06,
                1.19, 0.05, 1e-4, 1e-3, 0.03, "Student-t prediction on 5 earlier runs", 5, false, null);
        return new GateRecord(GateRecord.SCHEMA, runId, "nightly", "abc", Instant.parse("2026-12-03T02:01:00Z"),
                "history: 5 earlier runs", List.of(), p99 != GateRecord.Outcome.REGRESSION, 3, 0.005, List.of(v), List.of(),
                List.of(), List.of());
    }

    private static void assertOneLineBadInput(CliRun r, String expected) {
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void writesJunitToStdoutWithTheRunFoldersGateRecord() {
        CliRun r = CliRun.of("export", runDir.toString(), "--format", "junit");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("<?xml"), r.out());
        assertTrue(r.out().contains("<failure message=\"p99 regression: baseline 4.000 ms, current 4.500 ms"), r.out());
        assertTrue(r.out().contains("<error message=\"failed: fork 1 crashed\""), r.out());
    }

    @Test
    void writesAFileAtomicallyAndTakesTheGateRecordGiven() throws Exception {
        Path passed = dir.resolve("passed-gate.json");
        GateRecordJson.write(gate(RUN_ID, GateRecord.Outcome.UNCHANGED), passed);
        Path md = dir.resolve("out/summary.md");
        CliRun r = CliRun.of("export", runDir.resolve("result.json").toString(), "-f", "markdown", "-o", md.toString(),
                "--gate", passed.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.readString(md).startsWith("### Gate: passed\n"), Files.readString(md));
        assertTrue(r.out().contains("summary.md"), r.out());
        try (var files = Files.list(md.getParent())) {
            assertEquals(List.of(md), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void withoutAGateRecordItExportsTheFigures() throws Exception {
        Files.delete(runDir.resolve(GateRecordJson.FILE));
        CliRun r = CliRun.of("export", runDir.toString(), "--format", "csv");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("scenario,run,configuration_id"), r.out());
        assertFalse(r.out().contains("regression"), r.out());
    }

    @Test
    void aMissingResultIsExit2() {
        assertOneLineBadInput(CliRun.of("export", dir.resolve("nope").toString(), "--format", "csv"), "no result at");
    }

    @Test
    void aCorruptResultIsExit2() throws Exception {
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"schema\": \"something/else\"}");
        assertOneLineBadInput(CliRun.of("export", corrupt.toString(), "--format", "csv"), "not an InferBench result");
        Files.writeString(corrupt, "{\"schema\": \"inferbench.run/2\", \"runId\": ");
        assertOneLineBadInput(CliRun.of("export", corrupt.toString(), "--format", "csv"), "cannot read " + corrupt);
    }

    @Test
    void anUnknownFormatIsExit2NamingTheValidOnes() {
        assertOneLineBadInput(CliRun.of("export", runDir.toString(), "--format", "xunit"),
                "--format: unknown export format 'xunit'; expected one of: junit, markdown, github-benchmark");
    }

    @Test
    void aMissingOrForeignGateRecordIsExit2() throws Exception {
        assertOneLineBadInput(CliRun.of("export", runDir.toString(), "-f", "junit", "--gate",
                dir.resolve("absent.json").toString()), "--gate: no gate record at");
        Path other = dir.resolve("other-gate.json");
        GateRecordJson.write(gate("20261202-020000-nightly", GateRecord.Outcome.UNCHANGED), other);
        assertOneLineBadInput(CliRun.of("export", runDir.toString(), "-f", "junit", "--gate", other.toString()),
                "the gate record is of run 20261202-020000-nightly");
        Files.writeString(runDir.resolve(GateRecordJson.FILE), "{\"schema\": \"inferbench.gate/9\"}");
        assertOneLineBadInput(CliRun.of("export", runDir.toString(), "-f", "junit"), "cannot read the gate record");
    }

    @Test
    void theFormatIsRequired() {
        CliRun r = CliRun.of("export", runDir.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--format"), r.err());
    }
}
