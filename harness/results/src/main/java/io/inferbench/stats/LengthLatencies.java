package io.inferbench.stats;

import io.inferbench.load.HistogramCodec;
import io.inferbench.result.LengthLatency;
import io.inferbench.result.PercentileEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latency per input-length bucket: each bucket's histogram summarised like a whole phase's latency
 * ({@link LatencyStatistics#percentile}: distribution-free order-statistic intervals, so a bucket's
 * interval and the phase's compare, and p99 of a small bucket is honestly unbounded rather than a
 * bootstrap's interval that can never exceed the largest value seen), and forks merged exactly.
 */
public final class LengthLatencies {
    /** The percentiles each bucket reports. */
    public static final double[] PERCENTILES = {50, 90, 99};

    private LengthLatencies() {
    }

    /** One bucket from its histogram (nanoseconds); {@code fedTokens} says what its queries were fed at. */
    public static LengthLatency of(int fromTokens, int toTokens, String fedTokens, Histogram h) {
        List<PercentileEstimate> ps = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (double p : PERCENTILES) {
                ps.add(LatencyStatistics.percentile(h, p));
            }
        }
        return new LengthLatency(fromTokens, toTokens, h.getTotalCount(), fedTokens, ps, HistogramCodec.encode(h));
    }

    /**
     * The forks' buckets merged: histograms of the same bucket added and summarised again; a bucket
     * only some forks saw is kept with what they saw. Shortest first.
     */
    public static List<LengthLatency> merge(List<List<LengthLatency>> forks) {
        Map<Integer, List<LengthLatency>> byEdge = new TreeMap<>();
        for (List<LengthLatency> fork : forks) {
            for (LengthLatency b : fork) {
                byEdge.computeIfAbsent(b.toTokens(), k -> new ArrayList<>()).add(b);
            }
        }
        List<LengthLatency> merged = new ArrayList<>();
        for (List<LengthLatency> same : byEdge.values()) {
            Histogram all = HistogramCodec.newHistogram();
            same.forEach(b -> all.add(HistogramCodec.decode(b.histogram())));
            List<String> fed = same.stream().map(LengthLatency::fedTokens).distinct().toList();
            merged.add(of(same.get(0).fromTokens(), same.get(0).toTokens(), String.join(", ", fed), all));
        }
        return merged;
    }
}
