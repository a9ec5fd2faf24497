package io.inferbench.report;

import io.inferbench.result.BatchingStats;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Dynamic batching" block of a configuration's details: how full the batches were. A mean
 * batch size near 1 means the batcher mostly waited in vain (too little load, or too short a
 * queue delay); near the maximum, the batcher is the bottleneck.
 *
 * @param rows  mean batch size, batches run, limits
 * @param sizes how many batches had each size, as a small bar chart (sizes grouped into ranges
 *              when there are many)
 * @param scope where the figures come from when not the whole measurement; null otherwise
 */
record BatchingView(List<KeyValue> rows, List<Size> sizes, String scope) {
    /** Distinct sizes shown one per row; past this, sizes are grouped into ranges. */
    static final int MAX_ROWS = 12;

    /**
     * One bar of the size distribution.
     *
     * @param size  a batch size, or a range such as {@code 9–16}
     * @param count batches of that size, formatted
     * @param share share of all batches, e.g. {@code 42.0%}
     * @param width bar length as a CSS width relative to the most common size, e.g. {@code 100%}
     */
    record Size(String size, String count, String share, String width) {
    }

    /** The block for {@code m}, or for the first fork with batching figures; null without batching. */
    static BatchingView of(PhaseResult m, List<PhaseResult> forks) {
        if (m != null && m.batching() != null) {
            return of(m.batching(), null);
        }
        for (int i = 0; i < forks.size(); i++) {
            if (forks.get(i) != null && forks.get(i).batching() != null) {
                return of(forks.get(i).batching(), "fork " + (i + 1) + " of " + forks.size());
            }
        }
        return null;
    }

    private static BatchingView of(BatchingStats b, String scope) {
        List<KeyValue> rows = new ArrayList<>();
        rows.add(KeyValue.of("Mean batch size", Formats.rate(b.meanBatchSize()) + " queries per inference"
                + (b.maxBatchSize() > 0 ? " (at most " + b.maxBatchSize() + ")" : "")));
        rows.add(KeyValue.of("Batches", Formats.count(b.batches()) + " inferences, waiting up to "
                + Formats.ms(b.maxQueueDelayMs()) + " ms for a batch to fill"));
        return new BatchingView(rows, sizes(b.batchSizeCounts(), b.maxBatchSize()), scope);
    }

    private static List<Size> sizes(Map<Integer, Long> counts, int maxBatchSize) {
        if (counts.isEmpty()) {
            return List.of();
        }
        int largest = Math.max(maxBatchSize, counts.keySet().stream().mapToInt(Integer::intValue).max().orElse(1));
        // Ranges of equal width keep the shape of the distribution readable for batch sizes up to 256 or more.
        int width = counts.size() <= MAX_ROWS ? 1 : (int) Math.ceil(largest / (double) MAX_ROWS);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<long[]> buckets = new ArrayList<>(); // {from, to, count}
        for (Map.Entry<Integer, Long> e : counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            long from = width == 1 ? e.getKey() : (long) (e.getKey() - 1) / width * width + 1;
            long[] last = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
            if (last != null && last[0] == from) {
                last[2] += e.getValue();
            } else {
                buckets.add(new long[] {from, from + width - 1, e.getValue()});
            }
        }
        long most = buckets.stream().mapToLong(x -> x[2]).max().orElse(1);
        return buckets.stream().map(x -> new Size(x[0] == x[1] ? Long.toString(x[0]) : x[0] + "–" + x[1],
                Formats.count(x[2]), total > 0 ? Formats.percent(100.0 * x[2] / total) : Formats.MISSING,
                Svg.num(most > 0 ? 100.0 * x[2] / most : 0) + "%")).toList();
    }
}
