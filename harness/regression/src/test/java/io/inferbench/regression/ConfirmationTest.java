package io.inferbench.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.gate.GateSettings;
import io.inferbench.gate.RunObservations;
import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfirmationTest {
    /** Reruns that measure a chosen p50 for tonight's and the baseline's configuration, with a little noise. */
    private static final class FakeReruns implements Reruns {
        final double tonightP50;
        final double baselineP50;
        final String cannot;
        final List<String> order = new ArrayList<>();
        final Random random = new Random(5);

        FakeReruns(double tonightP50, double baselineP50, String cannot) {
            this.tonightP50 = tonightP50;
            this.baselineP50 = baselineP50;
            this.cannot = cannot;
        }

        @Override
        public Optional<String> cannotRerun(RunResult run, String label) {
            return run.runId().contains("tonight") ? Optional.empty() : Optional.ofNullable(cannot);
        }

        @Override
        public RunObservations rerun(RunResult run, String label) {
            boolean tonight = run.runId().contains("tonight");
            order.add(tonight ? "B" : "A");
            double p50 = (tonight ? tonightP50 : baselineP50) * (1 + 0.003 * random.nextGaussian());
            RunResult one = Runs.night("nightly", 0, Runs.MACHINE, p50);
            return RunMetrics.observe(new RunResult(one.schema(), one.runId(), one.startedAt(), one.finishedAt(),
                    one.scenario(), one.environment(), List.of(relabel(one, label)), one.summary()));
        }

        private static io.inferbench.result.ConfigurationResult relabel(RunResult r, String label) {
            var c = r.configurations().get(0);
            return Runs.configuration(c.id(), label, c.measurement().latency().valueMs(50));
        }
    }

    /** Five quiet nights of two configurations, then tonight with config=2 20% slower, under another scenario text. */
    private static RunResult tonight(List<RunResult> history, String scenarioSha) {
        RunResult last = history.get(history.size() - 1);
        RunResult slow = Runs.night("nightly", history.size(), Runs.MACHINE,
                last.configurations().get(0).measurement().latency().valueMs(50),
                last.configurations().get(1).measurement().latency().valueMs(50) * 1.2);
        ScenarioRecord s = slow.scenario();
        return new RunResult(slow.schema(), "tonight", slow.startedAt(), slow.finishedAt(),
                new ScenarioRecord(s.file(), s.name(), s.description(), scenarioSha, s.source()), slow.environment(),
                slow.configurations(), slow.summary());
    }

    private static GateRecord judge(List<RunResult> history, RunResult tonight, FakeReruns reruns, int times) {
        return new NightlyGate(GateSettings.DEFAULT).judge(tonight, new GateBaseline("h", history, Optional.empty(),
                List.of()), times, reruns, line -> { });
    }

    private static GateRecord.Verdict p50(GateRecord r, String label) {
        return r.verdicts().stream().filter(v -> v.configuration().equals(label) && v.metric().equals("p50"))
                .findFirst().orElseThrow();
    }

    @Test
    void aRegressionThatReproducesAgainstTheInterleavedBaselineFails() {
        List<RunResult> history = Runs.nights("nightly", 5, 2, 0.005, 9);
        double before = history.get(4).configurations().get(1).measurement().latency().valueMs(50);
        FakeReruns reruns = new FakeReruns(before * 1.2, before, null);
        GateRecord r = judge(history, tonight(history, "changed"), reruns, 3);
        GateRecord.Verdict v = p50(r, "config=2");
        assertEquals(GateRecord.Outcome.REGRESSION, v.outcome(), v.toString());
        assertTrue(v.confirmation().confirmed());
        assertEquals("interleaved baseline reruns (A/B/B/A)", v.confirmation().against());
        assertEquals(3, v.confirmation().reruns());
        assertEquals(1.2, v.confirmation().change(), 0.02);
        assertFalse(r.passed());
        // A B, B A, A B: neither side always first. config=2 is re-run once for p50, p99 and throughput.
        assertEquals(List.of("A", "B", "B", "A", "A", "B"), reruns.order);
    }

    @Test
    void aRegressionThatDoesNotReproduceIsNotConfirmedAndPasses() {
        List<RunResult> history = Runs.nights("nightly", 5, 2, 0.005, 9);
        double before = history.get(4).configurations().get(1).measurement().latency().valueMs(50);
        // A noisy night: the reruns of both sides measure the usual value.
        GateRecord r = judge(history, tonight(history, "changed"), new FakeReruns(before, before, null), 2);
        GateRecord.Verdict v = p50(r, "config=2");
        assertEquals(GateRecord.Outcome.NOT_CONFIRMED, v.outcome());
        assertFalse(v.confirmation().confirmed());
        assertTrue(r.passed(), r.failures().toString());
    }

    @Test
    void aBaselineIdenticalToTonightIsNotReRunTheHistoryIsTheComparison() {
        List<RunResult> history = Runs.nights("nightly", 5, 2, 0.005, 9);
        double before = history.get(4).configurations().get(1).measurement().latency().valueMs(50);
        FakeReruns reruns = new FakeReruns(before * 1.2, before, null);
        GateRecord r = judge(history, tonight(history, history.get(4).scenario().sha256()), reruns, 2);
        GateRecord.Verdict v = p50(r, "config=2");
        assertEquals(GateRecord.Outcome.REGRESSION, v.outcome());
        assertTrue(v.confirmation().against().startsWith("history (the baseline's configuration is tonight's"),
                v.confirmation().against());
        assertEquals(List.of("B", "B"), reruns.order);
    }

    @Test
    void aBaselineThatCannotBeReRunSaysWhyAndUsesTheHistory() {
        List<RunResult> history = Runs.nights("nightly", 5, 2, 0.005, 9);
        double before = history.get(4).configurations().get(1).measurement().latency().valueMs(50);
        GateRecord r = judge(history, tonight(history, "changed"),
                new FakeReruns(before * 1.2, before, "its model m.onnx is gone"), 2);
        assertEquals("history (baseline not re-run: its model m.onnx is gone)",
                p50(r, "config=2").confirmation().against());
    }
}
