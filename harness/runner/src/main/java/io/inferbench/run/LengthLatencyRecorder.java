package io.inferbench.run;

import io.inferbench.load.HistogramCodec;
import io.inferbench.result.LengthLatency;
import io.inferbench.scenario.TextPadding;
import io.inferbench.stats.LengthLatencies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records measured latency per input-length bucket, from what the load generator tells the system
 * under test after each query ({@code SystemUnderTest.measured}): the load generator knows no
 * inputs, the runner knows each sample's length. Recording is wait-free (one HdrHistogram
 * {@link Recorder} per bucket) and happens outside the timed region.
 *
 * <p>The default edges are powers of two from 16 tokens up to the sequence length: the lengths
 * servers and static-shape compilers pad to, and, as a transformer's cost at these lengths grows
 * about linearly with tokens, steps of roughly equal ratio in cost; below 16 tokens a call's fixed
 * overhead dominates, so finer buckets would split queries without showing a difference. With
 * {@code padding: buckets}, the scenario's own buckets are the edges.
 */
final class LengthLatencyRecorder {
    /** The first default edge. */
    static final int SMALLEST_EDGE = 16;

    private final int[] edges;
    private final Recorder[] recorders;
    private final AtomicIntegerArray fedMin;
    private final AtomicIntegerArray fedMax;

    LengthLatencyRecorder(List<Integer> edges) {
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("length buckets: at least one edge is needed");
        }
        this.edges = edges.stream().mapToInt(Integer::intValue).toArray();
        this.recorders = new Recorder[this.edges.length];
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = new Recorder(1, HistogramCodec.HIGHEST_TRACKABLE_NANOS, HistogramCodec.SIGNIFICANT_DIGITS);
        }
        this.fedMin = new AtomicIntegerArray(this.edges.length);
        this.fedMax = new AtomicIntegerArray(this.edges.length);
        reset();
    }

    /**
     * The bucket edges for a configuration: {@code padding}'s own buckets (and the sequence length above
     * them, where longer texts are padded to), else 16, 32, 64, … below the sequence length, and it.
     */
    static List<Integer> edges(TextPadding padding, int sequenceLength) {
        List<Integer> out = new ArrayList<>();
        if (padding instanceof TextPadding.Buckets b) {
            b.lengths().stream().filter(l -> l < sequenceLength).forEach(out::add);
        } else {
            for (int e = SMALLEST_EDGE; e < sequenceLength; e *= 2) {
                out.add(e);
            }
        }
        out.add(sequenceLength);
        return out;
    }

    /** One measured query of a sample {@code ownTokens} long, fed at {@code fedTokens}. Thread-safe. */
    void record(int ownTokens, int fedTokens, long latencyNanos) {
        int b = bucket(ownTokens);
        recorders[b].recordValue(Math.max(1, Math.min(latencyNanos, HistogramCodec.HIGHEST_TRACKABLE_NANOS)));
        // Reads first: the extremes are set by the first few queries, after which nothing is written.
        if (fedTokens < fedMin.get(b)) {
            fedMin.accumulateAndGet(b, fedTokens, Math::min);
        }
        if (fedTokens > fedMax.get(b)) {
            fedMax.accumulateAndGet(b, fedTokens, Math::max);
        }
    }

    /** The index of the smallest edge holding {@code tokens}; the last bucket for anything longer. */
    int bucket(int tokens) {
        for (int i = 0; i < edges.length; i++) {
            if (tokens <= edges[i]) {
                return i;
            }
        }
        return edges.length - 1;
    }

    /**
     * What was recorded since the last call (a measurement, or one peak-search probe), non-empty
     * buckets only, shortest first; starts the next recording. Call when no query is running.
     */
    List<LengthLatency> take() {
        List<LengthLatency> out = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            Histogram h = recorders[i].getIntervalHistogram();
            if (h.getTotalCount() > 0) {
                int lo = fedMin.get(i);
                int hi = fedMax.get(i);
                out.add(LengthLatencies.of(i == 0 ? 1 : edges[i - 1] + 1, edges[i], lo == hi ? Integer.toString(lo)
                        : lo + "–" + hi, h));
            }
        }
        reset();
        return out;
    }

    private void reset() {
        for (int i = 0; i < edges.length; i++) {
            fedMin.set(i, Integer.MAX_VALUE);
            fedMax.set(i, 0);
        }
    }
}
