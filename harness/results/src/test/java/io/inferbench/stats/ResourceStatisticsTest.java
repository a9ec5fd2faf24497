package io.inferbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import io.inferbench.result.ColdStart;
import io.inferbench.result.Estimate;
import io.inferbench.result.PhaseMark;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.ResourceEstimates;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Intervals of resource and cold-start figures: over the sampler's intervals, and across forks. */
class ResourceStatisticsTest {
    @Test
    void aMeanHasItsStudentTIntervalAndOneValueSaysWhyNot() {
        Estimate e = Estimates.mean(new double[] {10, 12, 14, Double.NaN}, "forks");
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * 2 / Math.sqrt(3);
        assertEquals(12, e.value(), 1e-12);
        assertEquals(3, e.n(), "NaN is left out");
        assertEquals(new Interval(12 - half, 12 + half, true), e.ci95());
        Estimate one = Estimates.mean(new double[] {7}, "forks");
        assertEquals(Estimate.without(7, 1, "forks", "n = 1, no interval"), one);
        assertEquals(0, Estimates.mean(new double[] {Double.NaN}, "forks").n());
    }

    @Test
    void anEstimateWithoutAnIntervalMustSayWhyNot() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, null, 1, "runs", null));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, null, 1, "runs", " "));
    }

    @Test
    void oneRunHasCpuAndRssIntervalsOverTheSamplerAndNoIntervalOnItsColdStart() {
        // 0.5 s intervals: CPU alternates 90/110 (mean 100), the last interval is cut short at 20%.
        List<UtilizationSample> samples = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            samples.add(sample(0.5 * i, i % 2 == 0 ? 110 : 90, 1000 + i, 50));
        }
        samples.add(sample(5.1, 20, 2000, 50));
        UtilizationResult u = utilization(samples, List.of(new PhaseMark("load", 0), new PhaseMark("measurement", 1)));
        ColdStart cold = new ColdStart(120, 3.5, Double.NaN, 10);
        PhaseResult measurement = phase(4000);
        ResourceEstimates e = ResourceStatistics.ofRun(new ResourcesResult(120, cold, u), measurement);

        assertEquals(1, e.runs());
        assertEquals(100, e.cpuPercentOfOneCore().value(), 1e-9, "the short last interval is left out");
        assertEquals(10, e.cpuPercentOfOneCore().n());
        assertEquals("utilization intervals", e.cpuPercentOfOneCore().over());
        assertTrue(e.cpuPercentOfOneCore().ci95().low() < 100 && e.cpuPercentOfOneCore().ci95().high() > 100);
        assertEquals(1005.5, e.rssBytes().value(), 1e-9);
        assertTrue(e.peakRssBytes().noInterval().endsWith("n = 1, no interval"), e.peakRssBytes().toString());
        assertEquals(Estimate.without(120, 1, "runs", Estimate.SINGLE), e.modelLoadMs());
        assertEquals(Estimate.SINGLE, e.firstInferenceMs().noInterval());
        assertTrue(Double.isNaN(e.timeToSteadyStateMs().value()), "not reached stays NaN");
        // 50 W over the measurement (1 s to the end): a constant power has a zero-width interval.
        double perInference = u.joulesPerInference("measurement", 4000);
        assertEquals(perInference, e.joulesPerInference().value(), 1e-12);
        assertEquals(new Interval(perInference, perInference, true), e.joulesPerInference().ci95());
        assertEquals(8, e.joulesPerInference().n(), "the measurement's full intervals: 1.0–1.5 … 4.5–5.0");
    }

    @Test
    void withoutPowerThereIsNoEnergyEstimate() {
        UtilizationResult u = utilization(List.of(sample(0.5, 100, 1, Double.NaN), sample(1, 100, 1, Double.NaN)),
                List.of(new PhaseMark("measurement", 0)));
        assertNull(ResourceStatistics.ofRun(new ResourcesResult(0, null, u), phase(10)).joulesPerInference());
    }

    @Test
    void acrossForksEveryFigureIsOneValuePerFork() {
        ResourceEstimates f1 = once(100, 4000, 150);
        ResourceEstimates f2 = once(120, 4200, 170);
        ResourceEstimates f3 = once(110, 4100, 160);
        ResourceEstimates across = ResourceStatistics.acrossForks(java.util.Arrays.asList(f1, null, f2, f3));
        assertEquals(3, across.runs(), "a fork without estimates is left out");
        assertEquals(Estimates.mean(new double[] {100, 120, 110}, "forks"), across.cpuPercentOfOneCore());
        assertEquals(Estimates.mean(new double[] {4000, 4200, 4100}, "forks"), across.peakRssBytes());
        assertEquals(Estimates.mean(new double[] {150, 170, 160}, "forks"), across.modelLoadMs());
        assertTrue(across.modelLoadMs().bounded());
        assertNull(across.joulesPerInference(), "no fork measured energy");
        assertNull(ResourceStatistics.acrossForks(List.of()));
    }

    private static ResourceEstimates once(double cpu, double peak, double loadMs) {
        Estimate c = Estimate.of(cpu, new Interval(cpu - 1, cpu + 1, true), 10, "utilization intervals");
        return new ResourceEstimates(1, c, c, c, Estimate.without(peak, 1, "processes", Estimate.SINGLE), null,
                Estimate.without(loadMs, 1, "runs", Estimate.SINGLE), Estimate.without(2, 1, "runs", Estimate.SINGLE),
                null);
    }

    private static UtilizationSample sample(double t, double cpu, long rss, double watts) {
        return new UtilizationSample(t, cpu, cpu / 4, List.of(), rss, 10, 20, 0, 12, Double.NaN, -1, Double.NaN, watts);
    }

    private static UtilizationResult utilization(List<UtilizationSample> samples, List<PhaseMark> marks) {
        double end = samples.get(samples.size() - 1).tSeconds();
        return new UtilizationResult(0.5, end, 4, samples, marks, 100, 110, 25, 2000, 10, 10, 0, 12, Double.NaN,
                Double.NaN, Double.NaN, -1, Double.NaN, List.of());
    }

    private static PhaseResult phase(long samples) {
        return new PhaseResult(samples, samples, 0, null, 1000, samples, new Interval(samples, samples, false),
                samples, null, null, List.of());
    }
}
