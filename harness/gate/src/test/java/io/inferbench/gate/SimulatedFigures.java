package io.inferbench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures for one noise model and one setting of the gate, measured on seeded
 * simulated nights of a 20-configuration scenario (20 × 3 gated metrics = 60 series a night).
 *
 * @param noise            the noise model
 * @param correction       whether the common-mode correction was on
 * @param falseAlarmNights A/A nights (out of {@code nights}) with any regression reported
 * @param nights           A/A nights decided
 * @param slowdown10       a 10% slowdown of one configuration
 * @param slowdown3        a 3% slowdown of one configuration
 * @param detectedCommon10 trials where a 10% slowdown of every configuration failed the gate
 * @param trials           trials per slowdown
 * @param detectableCommon median of the p50 common shift's minimum detectable effect (NaN without correction)
 */
record SimulatedFigures(NoiseModel noise, boolean correction, int falseAlarmNights, int nights, Tally slowdown10,
                        Tally slowdown3, int detectedCommon10, int trials, double detectableCommon) {
    static final int CONFIGURATIONS = 20;

    /**
     * Trials where one configuration was slowed. Counts of trials where: it was reported as a
     * regression (any of its metrics), on its p50, another configuration (or the common shift) was
     * reported too, it was reported as an improvement; and the median of its p50 minimum detectable effect.
     */
    static final class Tally {
        int detected;
        int detectedOnP50;
        int othersFlagged;
        int improvements;
        final List<Double> detectableP50 = new ArrayList<>();

        void add(GateDecision decision, int slowed) {
            String label = NightSimulator.label(slowed);
            boolean detectedHere = false;
            boolean onP50 = false;
            boolean others = decision.commonShifts().stream().anyMatch(GateVerdict::failsGate);
            boolean improvement = false;
            for (GateVerdict v : decision.verdicts()) {
                if (!(v instanceof GateVerdict.Assessed a)) {
                    continue;
                }
                boolean mine = a.series().configuration().equals(label);
                boolean regression = a.outcome() == Outcome.REGRESSION;
                if (mine && a.metric() == MetricKind.P50) {
                    detectableP50.add(a.figures().minimumDetectableEffect());
                    onP50 = regression;
                }
                detectedHere |= mine && regression;
                others |= !mine && regression;
                improvement |= mine && a.outcome() == Outcome.IMPROVEMENT;
            }
            detected += detectedHere ? 1 : 0;
            detectedOnP50 += onP50 ? 1 : 0;
            othersFlagged += others ? 1 : 0;
            improvements += improvement ? 1 : 0;
        }

        double detectableP50Median() {
            return median(detectableP50);
        }
    }

    /**
     * The A/A nights, then {@code trials} trials: each a fresh history of {@code lookback} A/A
     * nights and, against it, three nights: configuration (trial mod 20) 10% slower, the same 3%
     * slower, and every configuration 10% slower.
     */
    static SimulatedFigures measure(NoiseModel noise, GateSettings settings, int nights, int trials, long seed) {
        RegressionGate gate = new RegressionGate(settings);
        int falseAlarms = falseAlarmNights(noise, gate, nights, seed);
        Tally ten = new Tally();
        Tally three = new Tally();
        int common = 0;
        List<Double> detectableCommon = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            NightSimulator simulator = new NightSimulator(noise, CONFIGURATIONS, seed * 1_000_003 + trial);
            List<RunObservations> history = simulator.nights(settings.lookback());
            int slowed = trial % CONFIGURATIONS;
            GateDecision decision = gate.decide(simulator.night(Map.of(slowed, 0.10), 0), history);
            ten.add(decision, slowed);
            decision.commonShifts().stream().filter(c -> c.metric() == MetricKind.P50)
                    .forEach(c -> detectableCommon.add(c.figures().minimumDetectableEffect()));
            three.add(gate.decide(simulator.night(Map.of(slowed, 0.03), 0), history), slowed);
            common += gate.decide(simulator.night(Map.of(), 0.10), history).passed() ? 0 : 1;
        }
        return new SimulatedFigures(noise, settings.commonModeCorrection(), falseAlarms, nights, ten, three, common,
                trials, median(detectableCommon));
    }

    /** Consecutive A/A nights, each decided against the nights before it (a sliding history). */
    static int falseAlarmNights(NoiseModel noise, RegressionGate gate, int nights, long seed) {
        NightSimulator simulator = new NightSimulator(noise, CONFIGURATIONS, seed);
        List<RunObservations> history = new ArrayList<>(simulator.nights(gate.settings().lookback()));
        int alarms = 0;
        for (int n = 0; n < nights; n++) {
            RunObservations tonight = simulator.night();
            if (!gate.decide(tonight, history).passed()) {
                alarms++;
            }
            history.add(tonight);
            history.remove(0);
        }
        return alarms;
    }

    private static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.stream().sorted().toList().get(values.size() / 2);
    }

    double power10() {
        return (double) slowdown10.detected / trials;
    }

    String line() {
        return String.format("%-36s correction %-3s | false-alarm nights %d/%d | 10%% slower, one config: %5.1f%%"
                        + " detected (p50 alone %5.1f%%; another flagged too: %d) | 3%% slower: %d improvement,"
                        + " %d regression | 10%% slower, all configs: %5.1f%% | p50 detectable: one config %4.1f%%,"
                        + " common shift %s",
                noise.name(), correction ? "on" : "off", falseAlarmNights, nights, 100 * power10(),
                100.0 * slowdown10.detectedOnP50 / trials, slowdown10.othersFlagged, slowdown3.improvements,
                slowdown3.detected, 100.0 * detectedCommon10 / trials, 100 * slowdown10.detectableP50Median(),
                Double.isNaN(detectableCommon) ? "-" : String.format("%4.1f%%", 100 * detectableCommon));
    }
}
