package io.inferbench.compare;

import io.inferbench.result.ComparisonBasis;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ComparisonVerdict;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.api.Interval;
import io.inferbench.stats.PercentileBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Compares a candidate configuration's latency with a baseline's: ratios of the median (or mean)
 * and of p99 with bootstrap intervals, the difference of the median (or mean) in milliseconds with
 * its bootstrap interval (what serving adds to an in-process row), the Mann–Whitney U test,
 * Cliff's δ, and a verdict.
 *
 * <p><b>The verdict</b> is two one-sided tests (TOST) on the log ratio of the location metric for
 * a margin of ±X%: EQUIVALENT when the 90% interval of the ratio lies inside (1/(1+X), 1+X);
 * otherwise FASTER when the 95% interval lies entirely below 1, SLOWER when entirely above;
 * otherwise INCONCLUSIVE. A difference smaller than the margin is thus called equivalent even when
 * it is statistically clear: the margin says which differences matter. The interval comes from
 * <ul>
 *   <li>the forks, when both configurations ran at least two: each fork's metric is one
 *   observation, compared with Welch's t on logarithms ({@link ComparisonBasis#FORKS}). Only
 *   this accounts for run-to-run variance;</li>
 *   <li>otherwise the bootstrap of the pooled samples ({@link ComparisonBasis#WITHIN_RUN_BOOTSTRAP}),
 *   which knows nothing of how the next JVM would differ.</li>
 * </ul>
 *
 * <p><b>Sample sizes</b> at which the verdicts are validated (200 seeded repetitions each, see
 * {@code ComparisonDetectionTest}), for lognormal latencies with log-sd 0.3 (a CV of about 30%):
 * <ul>
 *   <li>within-run: 2,000 samples each — equal distributions are EQUIVALENT within ±5%, and a 10%
 *   shift is SLOWER / FASTER, in at least 90% of repetitions;</li>
 *   <li>forks: 10 forks of 500 samples each, with a between-fork spread of 2% (log-sd 0.02) —
 *   the same.</li>
 * </ul>
 * Fewer samples or noisier forks widen the intervals and more verdicts become INCONCLUSIVE rather
 * than wrong.
 *
 * <p>The 95% percentile-bootstrap interval of the median ratio covers the true ratio in 93–97% of
 * 1,000 repetitions from 400 samples each ({@code ComparisonCoverageTest}).
 */
public final class Comparison {
    private static final double MEDIAN = 0.5;
    private static final double P99 = 0.99;

    private Comparison() {
    }

    /** Compares two results with the {@link ComparisonOptions#defaults() defaults}; both must be OK. */
    public static ComparisonResult compare(ConfigurationResult candidate, ConfigurationResult baseline) {
        return compare(candidate, baseline, ComparisonOptions.defaults());
    }

    /** Compares two results; both must be OK with a measurement. */
    public static ComparisonResult compare(ConfigurationResult candidate, ConfigurationResult baseline,
                                           ComparisonOptions options) {
        return compare(LatencySample.of(candidate), LatencySample.of(baseline), options);
    }

    /** Compares two samples of latencies. */
    public static ComparisonResult compare(LatencySample candidate, LatencySample baseline,
                                           ComparisonOptions options) {
        EmpiricalDistribution a = EmpiricalDistribution.of(candidate.all());
        EmpiricalDistribution b = EmpiricalDistribution.of(baseline.all());
        LocationMetric metric = options.metric();
        SplittableRandom random = new SplittableRandom(options.seed());

        PercentileBootstrap location = RatioBootstrap.of(a, b, RatioBootstrap.of(metric), options.resamples(),
                random);
        PercentileBootstrap p99 = RatioBootstrap.of(a, b, RatioBootstrap.quantile(P99), options.resamples(), random);
        double ratio = metric.of(a) / metric.of(b);
        MannWhitney mw = MannWhitney.of(a, b);

        ComparisonBasis basis;
        double verdictRatio;
        Interval ci90;
        Interval ci95;
        long nA;
        long nB;
        if (candidate.forks().size() >= 2 && baseline.forks().size() >= 2) {
            ForkWelch f = ForkWelch.of(forkValues(candidate, metric), forkValues(baseline, metric));
            basis = ComparisonBasis.FORKS;
            verdictRatio = f.ratio();
            ci90 = f.ci90();
            ci95 = f.ci95();
            nA = f.forksA();
            nB = f.forksB();
        } else {
            basis = ComparisonBasis.WITHIN_RUN_BOOTSTRAP;
            verdictRatio = ratio;
            ci90 = location.interval(0.90);
            ci95 = location.interval(0.95);
            nA = a.count();
            nB = b.count();
        }
        ComparisonVerdict verdict = verdict(ci90, ci95, options.tolerancePercent());
        // Drawn last from the shared stream, so the ratios' intervals stay what they were before it existed.
        PercentileBootstrap difference = DifferenceBootstrap.of(a, b, RatioBootstrap.of(metric), options.resamples(),
                random);
        Interval d95 = difference.interval(0.95);
        ComparisonResult partial = new ComparisonResult(candidate.id(), baseline.id(), metric.key(),
                ratio, location.interval(0.95), a.quantile(P99) / b.quantile(P99), p99.interval(0.95),
                mw.u(), mw.p(), mw.cliffsDelta(), mw.magnitude(), verdict, options.tolerancePercent(), basis,
                verdictRatio, ci90, ci95, nA, nB, a.count(), b.count(), options.resamples(), null,
                (metric.of(a) - metric.of(b)) / 1e6, new Interval(d95.low() / 1e6, d95.high() / 1e6, d95.bounded()));
        return ComparisonSummary.withSummary(partial, candidate.name(), baseline.name(), metric);
    }

    /**
     * TOST first, then the two-sided test: see the class comment.
     *
     * @param ci90 90% interval of the ratio candidate / baseline
     * @param ci95 95% interval of the same ratio
     */
    static ComparisonVerdict verdict(Interval ci90, Interval ci95, double tolerancePercent) {
        double upper = 1 + tolerancePercent / 100;
        if (ci90.low() > 1 / upper && ci90.high() < upper) {
            return ComparisonVerdict.EQUIVALENT;
        }
        if (ci95.high() < 1) {
            return ComparisonVerdict.FASTER;
        }
        return ci95.low() > 1 ? ComparisonVerdict.SLOWER : ComparisonVerdict.INCONCLUSIVE;
    }

    private static List<Double> forkValues(LatencySample s, LocationMetric metric) {
        List<Double> values = new ArrayList<>();
        for (Histogram h : s.forks()) {
            values.add(metric.of(EmpiricalDistribution.of(h)));
        }
        return values;
    }
}
