package io.inferbench.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path results;

    private void write(RunResult run) throws IOException {
        ResultJson.write(run, results.resolve(run.runId()).resolve("result.json"));
    }

    @Test
    void keepsEarlierRunsOfTheSameScenarioOnTheSameMachineOldestFirst() throws IOException {
        for (RunResult r : Runs.nights("nightly", 4, 2, 0.01, 1)) {
            write(r);
        }
        write(Runs.night("other", 1, Runs.MACHINE, 5, 5));
        RunResult otherMachine = Runs.night("nightly", 1, Runs.machine("EPYC", "1.29.0"), 5, 5);
        ResultJson.write(otherMachine, results.resolve("epyc/run").resolve("result.json"));
        Files.createDirectories(results.resolve("broken"));
        Files.writeString(results.resolve("broken/result.json"), "{ not json");
        RunResult current = Runs.night("nightly", 3, Runs.MACHINE, 10, 11);

        HistoryScan scan = RunHistory.scan(results, current, false);
        assertEquals(List.of("20260000-020000-nightly", "20260001-020000-nightly", "20260002-020000-nightly"),
                scan.runs().stream().map(RunResult::runId).toList());
        assertEquals(1, scan.otherMachineRuns());
        assertEquals(1, scan.skipped().size());
        assertTrue(scan.skipped().get(0).contains("broken"), scan.skipped().toString());
        assertTrue(scan.environmentChange().isEmpty());
        assertEquals(4, RunHistory.scan(results, current, true).runs().size());
    }

    @Test
    void aBackendUpgradeStartsANewSeriesAndSaysWhatChanged() throws IOException {
        for (RunResult r : Runs.nights("nightly", 3, 1, 0.01, 1)) {
            write(r);
        }
        RunResult upgraded = Runs.night("nightly", 3, Runs.machine("Xeon", "1.30.0"), 10);
        HistoryScan scan = RunHistory.scan(results, upgraded, false);
        assertEquals(0, scan.runs().size());
        assertEquals(3, scan.otherMachineRuns());
        var change = scan.environmentChange().orElseThrow();
        assertEquals("20260002-020000-nightly", change.sinceRunId());
        assertEquals("onnxruntime 1.29.0 \u2192 1.30.0", change.differences().get(0).describe());
        var record = new NightlyGate(io.inferbench.gate.GateSettings.DEFAULT).judge(upgraded,
                GateBaseline.of(scan, "results"));
        assertTrue(record.passed());
        assertEquals(1, record.environmentChanges().size());
        assertTrue(record.verdicts().stream().allMatch(v -> v.outcome() == io.inferbench.result.GateRecord.Outcome.NEW));
    }

    @Test
    void aShardIsPartOfANightNotANight() throws IOException {
        for (RunResult r : Runs.nights("nightly", 3, 2, 0.01, 1)) {
            write(r);
        }
        RunResult shard = Runs.night("nightly", 3, Runs.MACHINE, 10).withShard(new io.inferbench.result.ShardInfo(1,
                2, "sha-nightly", "fp", List.of("c1"), 2));
        ResultJson.write(shard, results.resolve("shard").resolve("result.json"));
        HistoryScan scan = RunHistory.scan(results, Runs.night("nightly", 4, Runs.MACHINE, 10, 11), false);
        assertEquals(3, scan.runs().size());
    }

    @Test
    void aMissingFolderIsBadInput() {
        IOException e = assertThrows(IOException.class, () -> RunHistory.scan(results.resolve("nope"),
                Runs.night("n", 0, Runs.MACHINE, 1), false));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
