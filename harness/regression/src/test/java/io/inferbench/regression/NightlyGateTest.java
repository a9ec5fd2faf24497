package io.inferbench.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.gate.GateSettings;
import io.inferbench.gate.MetricKind;
import io.inferbench.gate.Observation;
import io.inferbench.gate.RunObservations;
import io.inferbench.gate.SeriesKey;
import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NightlyGateTest {
    private static final NightlyGate GATE = new NightlyGate(GateSettings.DEFAULT);

    private static List<GateRecord.Verdict> of(GateRecord r, GateRecord.Outcome outcome) {
        return r.verdicts().stream().filter(v -> v.outcome() == outcome).toList();
    }

    @Test
    void observesP50P99AndThroughputOfEachMeasuredConfiguration() {
        RunObservations o = RunMetrics.observe(Runs.night("s", 0, Runs.MACHINE, 10, 20));
        assertEquals(6, o.observations().size());
        Observation p99 = o.get(new SeriesKey("config=2", MetricKind.P99));
        assertEquals(40, p99.value(), 1e-9);
        assertEquals(10_000, p99.sampleSize());
        assertTrue(p99.ci95().isPresent());
        assertEquals(50, o.get(new SeriesKey("config=2", MetricKind.THROUGHPUT)).value(), 1e-9);
    }

    @Test
    void anUnchangedNightPassesAndOneConfiguration15PercentSlowerFailsAlone() {
        List<RunResult> history = Runs.nights("nightly", 10, 6, 0.01, 7);
        RunResult same = Runs.nights("nightly", 11, 6, 0.01, 7).get(10);
        GateRecord pass = GATE.judge(same, new GateBaseline("history", history, Optional.empty(), List.of()));
        assertTrue(pass.passed(), () -> pass.failures().toString());

        double[] p50 = new double[6];
        for (int c = 0; c < 6; c++) {
            p50[c] = same.configurations().get(c).measurement().latency().valueMs(50) * (c == 3 ? 1.15 : 1);
        }
        RunResult slower = Runs.night("nightly", 10, Runs.MACHINE, p50);
        GateRecord fail = GATE.judge(slower, new GateBaseline("history", history, Optional.empty(), List.of()));
        assertFalse(fail.passed());
        assertEquals(List.of("config=4"), fail.failures().stream().map(GateRecord.Verdict::configuration).distinct()
                .toList());
        GateRecord.Verdict v = fail.failures().get(0);
        assertEquals(0.05, v.threshold());
        assertEquals(10, v.historyRuns());
        assertTrue(v.change() > 1.1 && v.changeLow() < v.change() && v.change() < v.changeHigh(), v.toString());
        assertTrue(v.adjustedPValue() <= 0.005);
        assertTrue(v.minimumDetectable() < 0.15, v.toString());
        assertTrue(v.method().startsWith("Student-t prediction test against the series' earlier runs"), v.method());
        assertEquals("ms", v.unit());
    }

    @Test
    void withOneBaselineTheVerdictFallsBackToWithinRunStatisticsAndSaysSo() {
        RunResult baseline = Runs.night("nightly", 0, Runs.MACHINE, 10, 11);
        RunResult current = Runs.night("nightly", 1, Runs.MACHINE, 10.1, 13);
        GateRecord r = GATE.judge(current, GateBaseline.of(baseline, current));
        assertEquals("baseline: " + baseline.runId(), r.baseline());
        GateRecord.Verdict slow = r.verdicts().stream()
                .filter(v -> v.configuration().equals("config=2") && v.metric().equals("p50")).findFirst().orElseThrow();
        assertEquals(GateRecord.Outcome.REGRESSION, slow.outcome());
        assertTrue(slow.method().startsWith("too few earlier runs"), slow.method());
        assertEquals(1, slow.historyRuns());
    }

    @Test
    void newAndMissingConfigurationsAreNamedAndDoNotFail() {
        List<RunResult> history = Runs.nights("nightly", 5, 2, 0.01, 3);
        RunResult current = Runs.night("nightly", 5, Runs.MACHINE, 10, 11, 30);
        GateRecord r = GATE.judge(current, new GateBaseline("h", history, Optional.empty(), List.of()));
        assertEquals(3, of(r, GateRecord.Outcome.NEW).size());
        RunResult fewer = Runs.night("nightly", 5, Runs.MACHINE, 10);
        GateRecord m = GATE.judge(fewer, new GateBaseline("h", history, Optional.empty(), List.of()));
        assertEquals(3, of(m, GateRecord.Outcome.MISSING).size());
        assertTrue(m.passed());
        assertNull(of(m, GateRecord.Outcome.MISSING).get(0).current());
    }

    @Test
    void aLevelShiftHeldForThreeNightsOpensANewSegment() {
        List<RunResult> nights = new ArrayList<>(Runs.nights("nightly", 12, 1, 0.005, 11));
        for (int n = 9; n < 12; n++) {
            double p50 = nights.get(n).configurations().get(0).measurement().latency().valueMs(50) * 1.3;
            nights.set(n, Runs.night("nightly", n, Runs.MACHINE, p50));
        }
        RunResult tonight = nights.remove(11);
        GateRecord r = GATE.judge(tonight, new GateBaseline("h", nights, Optional.empty(), List.of()));
        GateRecord.Verdict p50 = r.verdicts().get(0);
        assertTrue(p50.opensNewSegment(), r.toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("new level since run " + nights.get(9).runId())),
                r.notes().toString());
        // ... and an unchanged series does not.
        List<RunResult> flat = Runs.nights("nightly", 12, 1, 0.005, 11);
        GateRecord quiet = GATE.judge(flat.get(11), new GateBaseline("h", flat.subList(0, 11), Optional.empty(),
                List.of()));
        assertFalse(quiet.verdicts().get(0).opensNewSegment());
    }

    @Test
    void theSettingsThresholdIsTheOneRecorded() {
        List<RunResult> history = Runs.nights("nightly", 5, 1, 0.01, 3);
        GateRecord r = new NightlyGate(GateSettings.DEFAULT.withThreshold(MetricKind.P99, 0.2))
                .judge(Runs.night("nightly", 5, Runs.MACHINE, 10), new GateBaseline("h", history, Optional.empty(),
                        List.of()));
        Map<String, Double> thresholds = new java.util.HashMap<>();
        r.verdicts().forEach(v -> thresholds.put(v.metric(), v.threshold()));
        assertEquals(Map.of("p50", 0.05, "p99", 0.2, "throughput", 0.05), thresholds);
    }
}
