package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ComparisonVerdict;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.Verdict;
import io.inferbench.stats.ForkStatistics;
import io.inferbench.stats.LatencyStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** Comparisons end to end from results, the verdict rule, the summary line and the sampling pieces. */
class ComparisonTest {
    @Test
    void comparesResultsWithForksOnTheForksBasis() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        ConfigurationResult fp32 = result("c01", "fp32 t=2", 2.0e6, 4, random);
        ConfigurationResult int8 = result("c02", "int8 t=2", 1.2e6, 4, random);
        ComparisonResult r = Comparison.compare(int8, fp32);
        assertEquals(ComparisonVerdict.FASTER, r.verdict());
        assertEquals(ComparisonBasis.FORKS, r.basis());
        assertEquals(4, r.nA());
        assertEquals(4_000, r.samplesA());
        assertEquals("p50", r.metric());
        assertEquals(0.6, r.ratio(), 0.02);
        assertTrue(r.ratioCi95().low() < r.ratio() && r.ratio() < r.ratioCi95().high());
        assertTrue(r.mannWhitneyP() < 1e-9);
        assertEquals("large", r.cliffsMagnitude());
        assertTrue(r.cliffsDelta() < -0.474);
        assertTrue(r.summary().startsWith("int8 t=2 is 1.6"), r.summary());
        assertTrue(r.summary().contains("× faster than fp32 t=2 (median ratio 0."), r.summary());
        assertTrue(r.summary().contains("Mann–Whitney p < 1e-9; Cliff's δ −0."), r.summary());
        assertTrue(r.summary().contains("large; verdict from 4 vs 4 forks"), r.summary());
        // Seeded: the same inputs give the same result; the record survives the result JSON.
        assertEquals(r, Comparison.compare(int8, fp32));
        String json = ResultJson.mapper().writeValueAsString(r);
        assertEquals(r, ResultJson.mapper().readValue(json, ComparisonResult.class));
    }

    @Test
    void withoutForksTheVerdictRestsOnTheBootstrap() {
        SplittableRandom random = new SplittableRandom(6);
        LatencySample a = sample("a", 1.00e6, 3_000, random);
        LatencySample b = sample("b", 1.01e6, 3_000, random);
        ComparisonResult r = Comparison.compare(a, b, ComparisonOptions.defaults());
        assertEquals(ComparisonBasis.WITHIN_RUN_BOOTSTRAP, r.basis());
        assertEquals(3_000, r.nA());
        assertEquals(ComparisonVerdict.EQUIVALENT, r.verdict());
        assertEquals(r.ratio(), r.verdictRatio());
        assertTrue(r.verdictCi90().low() >= r.verdictCi95().low() && r.verdictCi90().high() <= r.verdictCi95().high());
        assertTrue(r.summary().startsWith("a is equivalent to b within ±5% (median ratio"), r.summary());
        assertTrue(r.summary().endsWith("verdict from 3,000 vs 3,000 samples of one run each)"), r.summary());

        ComparisonResult mean = Comparison.compare(a, b, ComparisonOptions.defaults().withMetric(LocationMetric.MEAN));
        assertEquals("mean", mean.metric());
        assertEquals(a.all().getMean() / b.all().getMean(), mean.ratio(), 1e-3);
        assertTrue(mean.summary().contains("(mean ratio "), mean.summary());

        ComparisonResult few = Comparison.compare(sample("a", 1e6, 30, random), sample("b", 1.03e6, 30, random),
                ComparisonOptions.defaults());
        assertEquals(ComparisonVerdict.INCONCLUSIVE, few.verdict(), few.summary());
        assertTrue(few.summary().startsWith("a vs b: inconclusive at ±5%"), few.summary());
    }

    /** A slower tail (every 10th query 3× longer) leaves the median alone: only a tail metric sees it. */
    @Test
    void aTailMetricSeesWhatTheMedianDoesNot() {
        SplittableRandom random = new SplittableRandom(8);
        Histogram base = HistogramCodec.newHistogram();
        Histogram tail = HistogramCodec.newHistogram();
        for (int i = 0; i < 4_000; i++) {
            long v = Math.round(1e6 * Math.exp(0.1 * random.nextGaussian()));
            base.recordValue(v);
            tail.recordValue(i % 10 == 0 ? 3 * v : v);
        }
        LatencySample a = new LatencySample("a", "", tail, List.of());
        LatencySample b = new LatencySample("b", "", base, List.of());
        ComparisonResult median = Comparison.compare(a, b, ComparisonOptions.defaults());
        ComparisonResult p99 = Comparison.compare(a, b, ComparisonOptions.defaults().withMetric(LocationMetric.P99));
        ComparisonResult p90 = Comparison.compare(a, b, ComparisonOptions.defaults().withMetric(LocationMetric.P90));
        assertEquals(ComparisonVerdict.EQUIVALENT, median.verdict(), median.summary());
        assertEquals(ComparisonVerdict.SLOWER, p99.verdict(), p99.summary());
        assertEquals(ComparisonVerdict.SLOWER, p90.verdict(), p90.summary());
        assertEquals("p99", p99.metric());
        assertEquals(tail.getValueAtPercentile(99) / (double) base.getValueAtPercentile(99), p99.ratio(), 0.05);
        assertTrue(p99.summary().contains("(p99 ratio "), p99.summary());
        assertEquals(LocationMetric.P90, LocationMetric.named("p90"));
        assertEquals(LocationMetric.MEDIAN, LocationMetric.named("median"));
        assertThrows(IllegalArgumentException.class, () -> LocationMetric.named("p95"));
    }

    @Test
    void verdictIsToStFirstThenTheTwoSidedTest() {
        assertEquals(ComparisonVerdict.EQUIVALENT, Comparison.verdict(ci(0.96, 1.04), ci(0.95, 1.05), 5));
        // Clearly faster, but by less than the margin: equivalent.
        assertEquals(ComparisonVerdict.EQUIVALENT, Comparison.verdict(ci(0.97, 0.98), ci(0.965, 0.985), 5));
        assertEquals(ComparisonVerdict.FASTER, Comparison.verdict(ci(0.90, 0.97), ci(0.89, 0.98), 5));
        assertEquals(ComparisonVerdict.SLOWER, Comparison.verdict(ci(1.02, 1.08), ci(1.01, 1.09), 5));
        assertEquals(ComparisonVerdict.INCONCLUSIVE, Comparison.verdict(ci(0.93, 1.03), ci(0.92, 1.04), 5));
        // The margin is 1/(1+X) below: 0.95 is outside ±5% (1/1.05 = 0.952).
        assertEquals(ComparisonVerdict.INCONCLUSIVE, Comparison.verdict(ci(0.951, 1.0), ci(0.95, 1.01), 5));
        assertEquals(ComparisonVerdict.EQUIVALENT, Comparison.verdict(ci(0.953, 1.0), ci(0.95, 1.01), 5));
    }

    @Test
    void rejectsWhatCannotBeCompared() {
        ConfigurationResult failed = new ConfigurationResult(setup("c09", "x", "b"), null,
                new ConfigurationOutcome.Failed("boom"), null, null, null);
        SplittableRandom random = new SplittableRandom(1);
        ConfigurationResult ok = result("c01", "ok", 1e6, 1, random);
        assertThrows(IllegalArgumentException.class, () -> Comparison.compare(failed, ok));
        assertThrows(IllegalArgumentException.class,
                () -> new LatencySample("e", "", HistogramCodec.newHistogram(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ComparisonOptions.defaults().withTolerancePercent(0));
        assertThrows(IllegalArgumentException.class, () -> ComparisonOptions.defaults().withResamples(10));
    }

    @Test
    void pValuesAreWrittenToTheirPrecision() {
        assertEquals("p < 1e-9", ComparisonSummary.pValue(1e-12));
        assertEquals("p = 3.2e-05", ComparisonSummary.pValue(3.2e-5));
        assertEquals("p = 0.042", ComparisonSummary.pValue(0.0421));
    }

    /** Quantiles follow HdrHistogram's (and so the result summaries'), on the same buckets. */
    @Test
    void quantilesMatchHdrHistogram() {
        Histogram h = sample("q", 3e6, 5_001, new SplittableRandom(9)).all();
        EmpiricalDistribution d = EmpiricalDistribution.of(h);
        assertEquals(5_001, d.count());
        for (double p : new double[] {0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 1}) {
            assertEquals(h.getValueAtPercentile(100 * p), d.quantile(p), 0, "p" + p);
        }
        assertEquals(h.getMean(), d.mean(), 1e-9 * h.getMean());
        assertEquals(h.getStdDeviation(), d.stdev(), 1e-3 * h.getStdDeviation());
    }

    /** The exact bootstrap of a median agrees with the brute-force one: resampling every value. */
    @Test
    void bootstrapQuantileMatchesBruteForceResampling() {
        long[] values = new long[101];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < values.length; i++) {
            values[i] = 1_000 + random.nextInt(9_000);
        }
        EmpiricalDistribution d = EmpiricalDistribution.ofValues(values);
        SummaryStatistics exact = new SummaryStatistics();
        SummaryStatistics brute = new SummaryStatistics();
        long[] resample = new long[values.length];
        for (int i = 0; i < 20_000; i++) {
            exact.addValue(d.bootstrapQuantile(0.5, random));
            for (int j = 0; j < resample.length; j++) {
                resample[j] = values[random.nextInt(values.length)];
            }
            brute.addValue(EmpiricalDistribution.ofValues(resample).quantile(0.5));
        }
        assertEquals(brute.getMean(), exact.getMean(), 0.01 * brute.getMean());
        assertEquals(brute.getStandardDeviation(), exact.getStandardDeviation(), 0.05 * brute.getStandardDeviation());
    }

    @Test
    void betaVariatesHaveTheRightMoments() {
        SplittableRandom random = new SplittableRandom(8);
        for (double[] ab : new double[][] {{1, 1}, {2, 5}, {400, 3}}) {
            SummaryStatistics s = new SummaryStatistics();
            for (int i = 0; i < 20_000; i++) {
                s.addValue(BetaSampler.sample(ab[0], ab[1], random));
            }
            double a = ab[0];
            double b = ab[1];
            double mean = a / (a + b);
            double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
            assertEquals(mean, s.getMean(), 4 * sd / Math.sqrt(20_000), "mean of Beta" + a + "," + b);
            assertEquals(sd, s.getStandardDeviation(), 0.03 * sd, "sd of Beta" + a + "," + b);
        }
        assertNotEquals(BetaSampler.gamma(1, random), BetaSampler.gamma(1, random));
    }

    private static Interval ci(double low, double high) {
        return new Interval(low, high, true);
    }

    private static LatencySample sample(String id, double medianNanos, int n, SplittableRandom random) {
        return new LatencySample(id, "", lognormal(medianNanos, n, random), List.of());
    }

    private static Histogram lognormal(double medianNanos, int n, SplittableRandom random) {
        Histogram h = HistogramCodec.newHistogram();
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.round(medianNanos * Math.exp(0.3 * random.nextGaussian())));
        }
        return h;
    }

    /** An OK configuration measured in {@code forks} forks of 1,000 queries (one in-process when 1). */
    private static ConfigurationResult result(String id, String label, double medianNanos, int forks,
                                              SplittableRandom random) {
        List<PhaseResult> phases = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            Histogram h = lognormal(medianNanos * Math.exp(0.01 * random.nextGaussian()), 1_000, random);
            phases.add(new PhaseResult(1_000, 1_000, 0, null, 1_000, 1_000, new Interval(1_000, 1_000, false), 1_000,
                    LatencyStatistics.summarize(h), HistogramCodec.encode(h), List.of()));
        }
        PhaseResult merged = ForkStatistics.merge(phases);
        return new ConfigurationResult(setup(id, label, "synthetic"), null,
                new ConfigurationOutcome.Ok(Verdict.of(List.of())),
                new PhasesResult(null, merged, forks > 1 ? phases : List.of(), ForkStatistics.variation(phases), null),
                null, null);
    }

    private static ConfigurationSetup setup(String id, String label, String backend) {
        return new ConfigurationSetup(id, label, Map.of(), backend, "cpu", "single-stream", null, null, null, Map.of());
    }
}
