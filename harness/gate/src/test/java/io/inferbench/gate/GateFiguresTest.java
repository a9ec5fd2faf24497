package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Figures to reach", measured on seeded simulated nights of a 20-configuration
 * scenario (p50, p99 and throughput gated: 60 series a night) under three noise models, with the
 * default settings and with the common-mode correction off, and printed (they show in the
 * surefire report, for the README to quote).
 *
 * <p>The targets (≤ 1 false-alarm night in 100, ≥ 90% power for a 10% slowdown of one
 * configuration, a 3% slowdown never an improvement) are asserted under the noise model argued
 * realistic for a shared CI machine, (ii): most of the between-run noise common to the night.
 * Under independent 3% noise they cannot all hold (a 10% shift is about 3 standard deviations of
 * that noise, short of the 4.3 that 63 tests a night at α = 0.005 need); the weaker figures
 * measured there are asserted too, as floors, so that a change to the rule that loses power shows.
 */
class GateFiguresTest {
    private static final int NIGHTS = 100;
    private static final int TRIALS = 200;
    private static final long SEED = 12;
    private static final Map<String, SimulatedFigures> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void measure() {
        for (NoiseModel noise : new NoiseModel[] {NoiseModel.INDEPENDENT_3, NoiseModel.MOSTLY_COMMON_3,
                NoiseModel.INDEPENDENT_2}) {
            for (boolean correction : new boolean[] {true, false}) {
                GateSettings settings = GateSettings.DEFAULT.withCommonModeCorrection(correction);
                SimulatedFigures f = SimulatedFigures.measure(noise, settings, NIGHTS, TRIALS, SEED);
                FIGURES.put(noise.name() + (correction ? " on" : " off"), f);
                System.out.println(f.line());
            }
        }
    }

    private static SimulatedFigures figures(NoiseModel noise, boolean correction) {
        return FIGURES.get(noise.name() + (correction ? " on" : " off"));
    }

    @Test
    void realisticSharedMachineNoiseMeetsEveryTarget() {
        SimulatedFigures f = figures(NoiseModel.MOSTLY_COMMON_3, true);
        assertTrue(f.falseAlarmNights() <= 1, f.line());
        assertTrue(f.power10() >= 0.90, f.line());
        assertEquals(0, f.slowdown3().improvements, f.line());
    }

    @Test
    void aThreePercentSlowdownIsNeverAnImprovementUnderAnyModel() {
        FIGURES.values().forEach(f -> assertEquals(0, f.slowdown3().improvements, f.line()));
    }

    /**
     * Every model, either setting, at most 3 in 100 (measured: 0 to 3). Consecutive nights share 29
     * of their 30 history runs, so false alarms come in clusters (a history that happens to be
     * quiet puts several nights at risk) and 100 nights sample the rate coarsely; the 1000-night
     * figure below is the sharper one.
     */
    @Test
    void falseAlarmsStayFewUnderEveryModel() {
        FIGURES.values().forEach(f -> assertTrue(f.falseAlarmNights() <= 3, f.line()));
    }

    /** The weaker figures where the targets conflict: floors a little under what was measured. */
    @Test
    void powerUnderIndependentNoiseIsGuarded() {
        SimulatedFigures threePercent = figures(NoiseModel.INDEPENDENT_3, true);
        assertTrue(threePercent.power10() >= 0.30, threePercent.line()); // measured 34%
        SimulatedFigures twoPercent = figures(NoiseModel.INDEPENDENT_2, true);
        assertTrue(twoPercent.power10() >= 0.85, twoPercent.line()); // measured 92%
    }

    /** Why the correction is on by default: it is what makes (ii) reachable, and costs little elsewhere. */
    @Test
    void commonModeCorrectionPaysUnderCommonNoiseAndCostsLittleOtherwise() {
        SimulatedFigures on = figures(NoiseModel.MOSTLY_COMMON_3, true);
        SimulatedFigures off = figures(NoiseModel.MOSTLY_COMMON_3, false);
        assertTrue(on.power10() >= off.power10() + 0.5, on.line() + "\n" + off.line());
        for (NoiseModel independent : new NoiseModel[] {NoiseModel.INDEPENDENT_3, NoiseModel.INDEPENDENT_2}) {
            assertTrue(figures(independent, true).power10() >= figures(independent, false).power10() - 0.10,
                    figures(independent, true).line() + "\n" + figures(independent, false).line());
        }
    }

    /** A change common to every configuration is found through the common shift's own test. */
    @Test
    void aSlowdownOfEveryConfigurationStillFailsTheGate() {
        for (NoiseModel independent : new NoiseModel[] {NoiseModel.INDEPENDENT_3, NoiseModel.INDEPENDENT_2}) {
            SimulatedFigures f = figures(independent, true);
            assertTrue(f.detectedCommon10() >= 0.95 * f.trials(), f.line());
        }
        // Under (ii) the common shift competes with the machine's own 2.5% drift: 10% is a 4-sigma change.
        SimulatedFigures f = figures(NoiseModel.MOSTLY_COMMON_3, true);
        assertTrue(f.detectedCommon10() >= 0.30 * f.trials(), f.line()); // measured 38.5%
    }

    /** 1000 consecutive A/A nights under the realistic model: the rate the 100 nights sample. */
    @Test
    void longRunFalseAlarmRateUnderRealisticNoise() {
        int nights = 1000;
        int alarms = SimulatedFigures.falseAlarmNights(NoiseModel.MOSTLY_COMMON_3,
                new RegressionGate(GateSettings.DEFAULT), nights, SEED + 100);
        System.out.printf("%s, default settings: %d false-alarm nights in %d (%.1f%%)%n",
                NoiseModel.MOSTLY_COMMON_3.name(), alarms, nights, 100.0 * alarms / nights);
        assertTrue(alarms <= 10, alarms + " false-alarm nights in " + nights);
    }
}
