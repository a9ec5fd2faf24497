package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rule end to end, on small hand-made histories. */
class RegressionGateTest {
    private static final RegressionGate GATE = new RegressionGate(GateSettings.DEFAULT);

    private static SeriesKey p50(String configuration) {
        return new SeriesKey(configuration, MetricKind.P50);
    }

    private static RunObservations run(String id, Map<SeriesKey, Observation> observations) {
        return new RunObservations(id, observations);
    }

    /** {@code nights} runs of one P50 series around {@code level} with lognormal noise {@code spread}. */
    private static List<RunObservations> history(String configuration, double level, double spread, int nights,
                                                 long seed) {
        Random random = new Random(seed);
        List<RunObservations> runs = new ArrayList<>();
        for (int n = 0; n < nights; n++) {
            double v = level * Math.exp(spread * random.nextGaussian());
            runs.add(run("n" + n, Map.of(p50(configuration), Observation.of(v, v * 0.99, v * 1.01, 1000))));
        }
        return runs;
    }

    private static GateVerdict.Assessed only(GateDecision decision) {
        assertEquals(1, decision.verdicts().size(), decision.toString());
        return assertInstanceOf(GateVerdict.Assessed.class, decision.verdicts().get(0));
    }

    private static RunObservations tonight(String configuration, double value) {
        return run("tonight", Map.of(p50(configuration), Observation.of(value, value * 0.99, value * 1.01, 1000)));
    }

    @Test
    void aRegressionNeedsTheThresholdAndSignificanceBoth() {
        List<RunObservations> quiet = history("a", 10, 0.005, 20, 1);
        // 3% slower against 0.5% noise: significant, but under the 5% threshold.
        GateVerdict.Assessed small = only(GATE.decide(tonight("a", 10.3), quiet));
        assertEquals(Outcome.UNCHANGED, small.outcome());
        assertTrue(small.figures().adjustedPValue() < 0.001, small.toString());
        // 8% slower against 0.5% noise: a regression.
        GateVerdict.Assessed large = only(GATE.decide(tonight("a", 10.8), quiet));
        assertEquals(Outcome.REGRESSION, large.outcome());
        // 8% slower against 6% noise: beyond the threshold, not beyond the noise.
        GateVerdict.Assessed noisy = only(GATE.decide(tonight("a", 10.8), history("a", 10, 0.06, 20, 2)));
        assertEquals(Outcome.INCONCLUSIVE, noisy.outcome());
        // 8% faster against quiet history: an improvement.
        assertEquals(Outcome.IMPROVEMENT, only(GATE.decide(tonight("a", 9.2), quiet)).outcome());
    }

    @Test
    void aRegressionCarriesItsFigures() {
        List<RunObservations> quiet = history("a", 10, 0.005, 20, 1);
        GateDecision decision = GATE.decide(tonight("a", 10.8), quiet);
        GateVerdict.Assessed v = only(decision);
        Figures f = v.figures();
        assertEquals(Method.HISTORY, f.method(), "one configuration: too few for the common shift");
        assertEquals(20, f.historyRuns());
        assertEquals(0.05, f.threshold());
        assertEquals(10.8 / v.baseline(), f.change(), 1e-12);
        assertEquals(f.change(), v.observedChange(), 1e-12);
        assertEquals(10, v.baseline(), 0.05);
        assertTrue(f.ci95().contains(f.change()) && f.ci95().low() > 1.05, f.toString());
        assertTrue(f.pValue() <= f.adjustedPValue() && f.adjustedPValue() <= decision.alpha(), f.toString());
        // Against 0.5% noise the threshold is what limits: 80% power a little past 5%.
        assertTrue(f.minimumDetectableEffect() > 0.05 && f.minimumDetectableEffect() < 0.07, f.toString());
        assertFalse(decision.passed());
        assertEquals(List.of(v), decision.regressions());
        assertEquals(1, decision.tests());
    }

    @Test
    void throughputFallingIsARegression() {
        SeriesKey key = new SeriesKey("a", MetricKind.THROUGHPUT);
        List<RunObservations> runs = new ArrayList<>();
        Random random = new Random(4);
        for (int n = 0; n < 10; n++) {
            runs.add(run("n" + n, Map.of(key, Observation.of(500 * Math.exp(0.005 * random.nextGaussian())))));
        }
        GateVerdict.Assessed lower = only(GATE.decide(run("t", Map.of(key, Observation.of(460))), runs));
        assertEquals(Outcome.REGRESSION, lower.outcome());
        assertEquals(0.92, lower.figures().change(), 0.01);
        assertEquals(Outcome.IMPROVEMENT, only(GATE.decide(run("t", Map.of(key, Observation.of(540))), runs)).outcome());
    }

    @Test
    void accuracyChangesInPointsAgainstADeterministicHistory() {
        SeriesKey key = new SeriesKey("a", MetricKind.ACCURACY);
        List<RunObservations> runs = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            runs.add(run("n" + n, Map.of(key, Observation.of(0.900, 0.87, 0.93, 400))));
        }
        GateVerdict.Assessed drop = only(GATE.decide(run("t", Map.of(key, Observation.of(0.885))), runs));
        assertEquals(Outcome.REGRESSION, drop.outcome());
        assertEquals(-1.5, drop.figures().change(), 1e-9);
        assertEquals(1.0, drop.figures().threshold());
        assertEquals(1.0, drop.figures().minimumDetectableEffect(), 1e-9, "a history that never moved: the threshold");
        assertEquals(Outcome.UNCHANGED, only(GATE.decide(run("t", Map.of(key, Observation.of(0.895))), runs)).outcome());
    }

    @Test
    void thresholdsAndAlphaAreOverridable() {
        List<RunObservations> quiet = history("a", 10, 0.005, 20, 1);
        RegressionGate lenient = new RegressionGate(GateSettings.DEFAULT.withThreshold(MetricKind.P50, 0.10));
        assertEquals(Outcome.UNCHANGED, only(lenient.decide(tonight("a", 10.8), quiet)).outcome());
        assertEquals(0.10, only(lenient.decide(tonight("a", 10.8), quiet)).figures().threshold());
        // 8% slower against 3% noise: only inconclusive at α 0.005, a regression at α 0.2.
        List<RunObservations> noisy = history("a", 10, 0.03, 20, 5);
        assertEquals(Outcome.INCONCLUSIVE, only(GATE.decide(tonight("a", 10.8), noisy)).outcome());
        RegressionGate loose = new RegressionGate(GateSettings.DEFAULT.withAlpha(0.2));
        assertEquals(Outcome.REGRESSION, only(loose.decide(tonight("a", 10.8), noisy)).outcome());
    }

    @Test
    void withFewerThanThreeRunsTheVerdictSaysItUsedWithinRunStatistics() {
        List<RunObservations> two = history("a", 10, 0.005, 2, 1);
        GateVerdict.Assessed v = only(GATE.decide(tonight("a", 12), two));
        assertEquals(Method.WITHIN_RUN_INTERVALS, v.figures().method());
        assertFalse(v.figures().method().usesHistory());
        assertEquals(2, v.figures().historyRuns());
        assertEquals(Outcome.REGRESSION, v.outcome());
        assertEquals(two.get(1).get(p50("a")).value(), v.baseline(), 0, "against the latest earlier run");

        // No interval tonight: the change is stated, never significant.
        GateVerdict.Assessed bare = only(GATE.decide(run("t", Map.of(p50("a"), Observation.of(12))), two));
        assertEquals(Method.THRESHOLD_ONLY, bare.figures().method());
        assertEquals(Outcome.INCONCLUSIVE, bare.outcome());
        assertTrue(Double.isNaN(bare.figures().pValue()));
        assertEquals(1, bare.figures().adjustedPValue());
        assertEquals(Double.POSITIVE_INFINITY, bare.figures().minimumDetectableEffect());
        assertEquals(0, GATE.decide(run("t", Map.of(p50("a"), Observation.of(12))), two).tests());
    }

    @Test
    void newAndMissingSeries() {
        List<RunObservations> runs = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            Map<SeriesKey, Observation> o = new LinkedHashMap<>();
            o.put(p50("kept"), Observation.of(10 + 0.01 * n));
            o.put(p50("gone"), Observation.of(20 + 0.01 * n));
            runs.add(run("n" + n, o));
        }
        Map<SeriesKey, Observation> o = new LinkedHashMap<>();
        o.put(p50("kept"), Observation.of(10.02));
        o.put(p50("added"), Observation.of(7));
        GateDecision decision = GATE.decide(run("t", o), runs);
        assertEquals(3, decision.verdicts().size());
        assertEquals(Outcome.UNCHANGED, decision.verdicts().get(0).outcome());
        GateVerdict.New added = assertInstanceOf(GateVerdict.New.class, decision.verdicts().get(1));
        assertEquals(7, added.current());
        GateVerdict.Missing gone = assertInstanceOf(GateVerdict.Missing.class, decision.verdicts().get(2));
        assertEquals(p50("gone"), gone.series());
        assertEquals(20.04, gone.last(), 1e-12);
        assertEquals(5, gone.historyRuns());
        assertTrue(decision.passed(), "new and missing do not fail the gate");
    }

    @Test
    void onlyTheLookbackIsUsed() {
        List<RunObservations> runs = new ArrayList<>(history("a", 50, 0.005, 20, 6)); // long ago, 5 times slower
        runs.addAll(history("a", 10, 0.005, 30, 7));
        GateVerdict.Assessed v = only(GATE.decide(tonight("a", 10.05), runs));
        assertEquals(30, v.figures().historyRuns());
        assertEquals(Outcome.UNCHANGED, v.outcome());
        assertEquals(40, only(new RegressionGate(GateSettings.DEFAULT.withLookback(40)).decide(tonight("a", 10.05), runs))
                .figures().historyRuns());
    }

    /** Eight configurations on a machine that drifts 3% a night, tonight 4% slower for all. */
    private static List<RunObservations> driftingHistory(int configurations, int nights, long seed) {
        Random random = new Random(seed);
        List<RunObservations> runs = new ArrayList<>();
        for (int n = 0; n < nights; n++) {
            double drift = Math.exp(0.03 * random.nextGaussian());
            Map<SeriesKey, Observation> o = new LinkedHashMap<>();
            for (int c = 0; c < configurations; c++) {
                o.put(p50("c" + c), Observation.of((5 + c) * drift * Math.exp(0.004 * random.nextGaussian())));
            }
            runs.add(run("n" + n, o));
        }
        return runs;
    }

    private static RunObservations driftedNight(List<RunObservations> history, int configurations, double machine,
                                                Map<Integer, Double> own) {
        HistoryWindow window = new HistoryWindow(history, 30);
        Map<SeriesKey, Observation> o = new LinkedHashMap<>();
        for (int c = 0; c < configurations; c++) {
            double typical = Math.exp(window.mean(p50("c" + c)));
            o.put(p50("c" + c), Observation.of(typical * machine * own.getOrDefault(c, 1.0)));
        }
        return run("tonight", o);
    }

    @Test
    void theCommonModeCorrectionFindsOneConfigurationUnderMachineDrift() {
        List<RunObservations> runs = driftingHistory(8, 20, 8);
        RunObservations tonight = driftedNight(runs, 8, 1.04, Map.of(0, 1.06));
        GateDecision corrected = GATE.decide(tonight, runs);
        assertEquals(List.of(p50("c0")), corrected.regressions().stream()
                .map(v -> ((GateVerdict.Assessed) v).series()).toList());
        GateVerdict.Assessed c0 = (GateVerdict.Assessed) corrected.verdicts().get(0);
        assertEquals(Method.HISTORY_COMMON_MODE, c0.figures().method());
        assertEquals(1.06, c0.figures().change(), 0.01);
        assertEquals(1.06 * 1.04, c0.observedChange(), 0.01);
        assertEquals(1, corrected.commonShifts().size());
        GateVerdict.CommonShift shift = corrected.commonShifts().get(0);
        assertEquals(Outcome.UNCHANGED, shift.outcome(), "4% is machine drift, under the threshold");
        assertEquals(8, shift.configurations());
        assertEquals(1.04, shift.figures().change(), 0.01);
        assertEquals(8 + 1, corrected.tests());

        // Without the correction, c0's 10% in all is not told apart from the machine's 3% drift.
        GateDecision plain = new RegressionGate(GateSettings.DEFAULT.withCommonModeCorrection(false)).decide(tonight, runs);
        assertTrue(plain.passed(), plain.regressions().toString());
        assertTrue(plain.commonShifts().isEmpty());
        GateVerdict.Assessed c0Plain = (GateVerdict.Assessed) plain.verdicts().get(0);
        assertEquals(Method.HISTORY, c0Plain.figures().method());
        assertEquals(Outcome.INCONCLUSIVE, c0Plain.outcome());
        // What each could have detected: past 10% against the drift; just past the 5% threshold without it.
        assertTrue(c0Plain.figures().minimumDetectableEffect() > 0.10, c0Plain.figures().toString());
        assertTrue(c0.figures().minimumDetectableEffect() < 0.06, c0.figures().toString());
    }

    @Test
    void aChangeCommonToAllConfigurationsIsARegressionOfTheCommonShift() {
        List<RunObservations> runs = driftingHistory(8, 30, 9);
        GateDecision decision = GATE.decide(driftedNight(runs, 8, 1.20, Map.of()), runs);
        assertFalse(decision.passed());
        GateVerdict.CommonShift shift = decision.commonShifts().get(0);
        assertEquals(Outcome.REGRESSION, shift.outcome());
        assertEquals(Method.COMMON_SHIFT, shift.figures().method());
        assertEquals(1.20, shift.figures().change(), 0.01);
        assertEquals(List.of(shift), decision.regressions());
        decision.verdicts().forEach(v -> assertEquals(Outcome.UNCHANGED, v.outcome(), v.toString()));
    }

    @Test
    void tooFewConfigurationsLeaveTheCorrectionOut() {
        List<RunObservations> runs = driftingHistory(4, 20, 10);
        GateDecision decision = GATE.decide(driftedNight(runs, 4, 1.0, Map.of()), runs);
        assertTrue(decision.commonShifts().isEmpty());
        decision.verdicts().forEach(v -> assertEquals(Method.HISTORY, ((GateVerdict.Assessed) v).figures().method()));
    }

    @Test
    void aConfigurationAbsentOnSomeNightsKeepsItsOwnCount() {
        List<RunObservations> runs = new ArrayList<>();
        for (RunObservations night : driftingHistory(8, 20, 11)) {
            Map<SeriesKey, Observation> o = new LinkedHashMap<>(night.observations());
            if (runs.size() < 15) {
                o.remove(p50("c7")); // added to the scenario five nights ago
            }
            runs.add(run(night.runId(), o));
        }
        GateDecision decision = GATE.decide(driftedNight(runs, 8, 1.0, Map.of()), runs);
        GateVerdict.Assessed c7 = (GateVerdict.Assessed) decision.verdicts().get(7);
        assertEquals(Method.HISTORY_COMMON_MODE, c7.figures().method());
        assertEquals(5, c7.figures().historyRuns());
        assertEquals(20, ((GateVerdict.Assessed) decision.verdicts().get(0)).figures().historyRuns());
        assertTrue(decision.passed(), decision.regressions().toString());
    }
}
