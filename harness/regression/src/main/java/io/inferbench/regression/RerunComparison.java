package io.inferbench.regression;

import io.inferbench.gate.MetricKind;
import io.inferbench.result.GateRecord;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Whether confirmation reruns reproduce a suspected regression: the reruns of tonight's configuration
 * against reruns of the baseline interleaved with them (Welch's t), or, when the baseline cannot or
 * need not be re-run, against the series' history (a prediction test of the reruns' mean). Confirmed
 * when the change is beyond the threshold in the worse direction and one-sided p ≤
 * {@link #ALPHA}; one finding already passed the night's Holm-corrected test, so this second look
 * asks only whether it reproduces.
 */
final class RerunComparison {
    /** Level of the confirmation test. */
    static final double ALPHA = 0.05;

    private RerunComparison() {
    }

    /** Tonight's reruns against the baseline's interleaved reruns (values on the metric's natural scale). */
    static GateRecord.Confirmation againstBaselineReruns(MetricKind metric, double threshold, List<Double> current,
                                                        List<Double> baseline) {
        SummaryStatistics b = scaled(metric, current);
        SummaryStatistics a = scaled(metric, baseline);
        double delta = b.getMean() - a.getMean();
        double va = a.getN() > 1 ? a.getVariance() / a.getN() : Double.NaN;
        double vb = b.getN() > 1 ? b.getVariance() / b.getN() : Double.NaN;
        double se = Math.sqrt(va + vb);
        double df = se == 0 ? Double.NaN : Math.pow(va + vb, 2)
                / (va * va / (a.getN() - 1) + vb * vb / (b.getN() - 1));
        return decide(metric, threshold, (int) b.getN(), "interleaved baseline reruns (A/B/B/A)", delta, se, df);
    }

    /**
     * Tonight's reruns against the history's values: t = (mean of reruns − history mean) / (s·√(1/N + 1/K)),
     * K − 1 degrees of freedom. With fewer than two history values, against {@code historyValues}' single
     * value with the reruns' own spread.
     */
    static GateRecord.Confirmation againstHistory(MetricKind metric, double threshold, List<Double> current,
                                                 List<Double> historyValues, String why) {
        SummaryStatistics b = scaled(metric, current);
        SummaryStatistics h = scaled(metric, historyValues);
        double delta = b.getMean() - h.getMean();
        double se;
        double df;
        if (h.getN() >= 2) {
            se = h.getStandardDeviation() * Math.sqrt(1.0 / b.getN() + 1.0 / h.getN());
            df = h.getN() - 1;
        } else {
            se = b.getN() >= 2 ? b.getStandardDeviation() / Math.sqrt(b.getN()) : Double.NaN;
            df = b.getN() - 1;
        }
        return decide(metric, threshold, (int) b.getN(), "history (" + why + ")", delta, se, df);
    }

    private static GateRecord.Confirmation decide(MetricKind metric, double threshold, int reruns, String against,
                                                  double delta, double se, double df) {
        double worse = metric.worseChange(delta);
        double change = metric.scale().change(delta);
        Double p = null;
        Double low = null;
        Double high = null;
        boolean significant;
        if (Double.isFinite(se) && se > 0 && df > 0 && Double.isFinite(df)) {
            TDistribution t = new TDistribution(null, df);
            double tStat = metric.direction().worseSign() * delta / se;
            p = 1 - t.cumulativeProbability(tStat);
            double q = t.inverseCumulativeProbability(0.975);
            low = metric.scale().change(delta - q * se);
            high = metric.scale().change(delta + q * se);
            significant = p <= ALPHA;
        } else {
            // No spread to test with (one rerun, or values that never moved): the threshold decides.
            significant = true;
        }
        boolean confirmed = worse > threshold && significant;
        return new GateRecord.Confirmation(reruns, confirmed, against, change, low, high, p);
    }

    private static SummaryStatistics scaled(MetricKind metric, List<Double> values) {
        SummaryStatistics s = new SummaryStatistics();
        values.forEach(v -> s.addValue(metric.scale().transform(v)));
        return s;
    }
}
