package io.inferbench.result;

import java.util.List;

/**
 * The measured latency of the queries whose input had a range of token counts: one bucket of a text
 * configuration's latency by input length. A query's length is its own (its longest text's token
 * count, what it would be fed at without padding), whatever it was padded to, so the same bucket
 * holds the same texts in every configuration and padding strategies compare row by row.
 *
 * @param fromTokens  the bucket's lowest token count (inclusive)
 * @param toTokens    its highest (inclusive): a bucket edge
 * @param queries     measured queries in the bucket
 * @param fedTokens   the lengths they were fed at, e.g. {@code 128} or {@code 17–32}
 * @param percentiles p50, p90 and p99 with 95% intervals, by the same order-statistic method as the
 *                    whole phase's latency
 * @param histogram   the bucket's HdrHistogram (nanoseconds), compressed and base64-encoded, so that
 *                    forks merge exactly
 */
public record LengthLatency(int fromTokens, int toTokens, long queries, String fedTokens,
                            List<PercentileEstimate> percentiles, String histogram) {
    public LengthLatency {
        percentiles = percentiles == null ? List.of() : List.copyOf(percentiles);
    }

    /** The estimate for percentile {@code p} (e.g. 90.0), or null when not computed. */
    public PercentileEstimate percentile(double p) {
        return percentiles.stream().filter(e -> e.percentile() == p).findFirst().orElse(null);
    }

    /** The bucket's range, e.g. {@code 17–32 tokens} or {@code ≤ 16 tokens}. */
    public String range() {
        return (fromTokens <= 1 ? "≤ " + toTokens : fromTokens == toTokens ? Integer.toString(toTokens)
                : fromTokens + "–" + toTokens) + " tokens";
    }
}
