package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.GateRecord;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's verdicts on the site: a column on the index and a section on each gated run's page. */
class SiteGateTest {
    static GateRecord.Verdict verdict(String configuration, String metric, GateRecord.Outcome outcome, double change) {
        return new GateRecord.Verdict(configuration, metric, "ms", true, true, outcome, 4.0, 4.0 * change, change,
                change - 0.03, change + 0.03, 0.05, 0.0001, 0.002, 0.04, "t prediction on 12 earlier runs", 12, false,
                null);
    }

    static GateRecord gate(RunResult run, boolean passed, List<GateRecord.Verdict> verdicts) {
        MachineFingerprint fp = MachineFingerprint.of(run);
        return new GateRecord(GateRecord.SCHEMA, run.runId(), run.scenario().name(), fp.id(),
                Instant.parse("2026-12-04T03:00:00Z"), "history: 12 earlier runs under results", List.of("r1", "r2"),
                passed, 24, 0.005, verdicts, List.of(), List.of(new GateRecord.EnvironmentChange("r0", "aaaa", fp.id(),
                List.of(new MachineFingerprint.Difference("onnxruntime", "1.28.0", "1.29.0")))),
                List.of("2 results skipped as unreadable"));
    }

    @Test
    void indexShowsTheGateAndRunPagesItsVerdictsRegressionsFirst(@TempDir Path dir) throws IOException {
        List<RunResult> runs = SiteFixtures.nightly(SiteFixtures.crossBackend(), 4, 3, n -> 1.0);
        String slow = "model=minilm-fp32 backend=onnxruntime";
        GateRecord failed = gate(runs.get(3), false, List.of(
                verdict("model=ocr-cls backend=tensorflow", "p50", GateRecord.Outcome.UNCHANGED, 1.01),
                verdict(slow, "p99", GateRecord.Outcome.REGRESSION, 1.15)));
        SiteBuilder.Site site = new SiteBuilder(new ReportRenderer()).buildFrom(List.of(
                SiteInput.of(runs.get(0), Optional.empty()),
                SiteInput.of(runs.get(1), Optional.of(gate(runs.get(1), true, List.of(
                        verdict(slow, "p50", GateRecord.Outcome.UNCHANGED, 1.0))))),
                SiteInput.of(runs.get(2), new SiteGate.Unreadable("results/r3/gate.json: not an InferBench gate record")),
                SiteInput.of(runs.get(3), Optional.of(failed))), dir);

        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<td class=\"gate-cell failed\">FAILED 1 regression</td>"), "the failed night");
        assertTrue(index.contains("<td class=\"gate-cell valid\">passed</td>"));
        assertTrue(index.contains("<td class=\"gate-cell invalid\">gate record unreadable</td>"));
        assertTrue(index.contains("<td class=\"gate-cell skipped\">not gated</td>"));
        assertEquals(List.of("gate record unreadable: results/r3/gate.json: not an InferBench gate record"),
                site.warnings());

        String page = Files.readString(dir.resolve("runs/" + runs.get(3).runId() + ".html"));
        assertTrue(page.contains("Gate FAILED: 1 regression"), "the verdict");
        int regression = page.indexOf(">regression</span>");
        int unchanged = page.indexOf(">unchanged</span>");
        assertTrue(regression > 0 && unchanged > regression, "regressions first");
        assertTrue(page.contains("+15.0%") && page.contains("+12.0% to +18.0%"), "change with its 95% CI");
        assertTrue(page.contains("t prediction on 12 earlier runs") && page.contains("1.0e-04 (Holm 0.0020)"));
        assertTrue(page.contains("onnxruntime 1.28.0 → 1.29.0"), "environment changes");
        assertTrue(page.contains("2 results skipped as unreadable"), "notes");
        assertTrue(Files.readString(dir.resolve("runs/" + runs.get(2).runId() + ".html"))
                .contains("Gate record unreadable"));
        assertFalse(Files.readString(dir.resolve("runs/" + runs.get(0).runId() + ".html")).contains("id=\"gate\""),
                "no gate section on a run that was not gated");
    }
}
