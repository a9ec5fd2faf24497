package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.DType;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.load.LoadGenerator;
import io.inferbench.load.LoadPlan;
import io.inferbench.load.LoadProfile;
import io.inferbench.load.LoadResult;
import io.inferbench.load.ProgressListener;
import io.inferbench.load.Warmup;
import io.inferbench.result.LengthLatency;
import io.inferbench.scenario.TextPadding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Latency per input-length bucket: edges, bucketing, and a real load run on a session whose cost grows with length. */
class LatencyByLengthTest {
    @Test
    void defaultEdgesArePowersOfTwoUpToTheSequenceLength() {
        assertEquals(List.of(16, 32, 64, 128), LengthLatencyRecorder.edges(TextPadding.DEFAULT, 128));
        assertEquals(List.of(16, 32, 64, 100), LengthLatencyRecorder.edges(new TextPadding.None(), 100));
        assertEquals(List.of(8), LengthLatencyRecorder.edges(TextPadding.DEFAULT, 8));
    }

    @Test
    void paddingBucketsAreTheEdgesWithTheSequenceLengthAbove() {
        assertEquals(List.of(24, 48, 128), LengthLatencyRecorder.edges(new TextPadding.Buckets(List.of(24, 48)), 128));
        assertEquals(List.of(16, 32, 64),
                LengthLatencyRecorder.edges(new TextPadding.Buckets(List.of(16, 32, 64, 128)), 64),
                "a bucket past the sequence length is never fed");
    }

    @Test
    void aLengthGoesToTheSmallestEdgeHoldingIt() {
        LengthLatencyRecorder r = new LengthLatencyRecorder(List.of(16, 32, 64));
        assertEquals(0, r.bucket(1));
        assertEquals(0, r.bucket(16));
        assertEquals(1, r.bucket(17));
        assertEquals(2, r.bucket(64));
        assertEquals(2, r.bucket(500), "longer than the last edge: the last bucket");
    }

    @Test
    void takeSummarisesWhatWasRecordedAndStartsAgain() {
        LengthLatencyRecorder r = new LengthLatencyRecorder(List.of(16, 32, 64));
        for (int i = 0; i < 100; i++) {
            r.record(12, 128, 1_000_000 + i);
            r.record(40, 128, 5_000_000 + i);
        }
        List<LengthLatency> taken = r.take();
        assertEquals(2, taken.size(), "the empty 17–32 bucket is left out: " + taken);
        assertEquals("≤ 16 tokens", taken.get(0).range());
        assertEquals("33–64 tokens", taken.get(1).range());
        assertEquals(100, taken.get(1).queries());
        assertEquals("128", taken.get(1).fedTokens());
        assertEquals(5.0, taken.get(1).percentile(50).valueMs(), 0.01);
        assertTrue(taken.get(1).percentile(99).ci95Ms().low() <= taken.get(1).percentile(99).valueMs());
        assertEquals(List.of(), r.take(), "nothing since the last take");
    }

    @Test
    void lengthsMustBeOnePerSample() {
        SessionSystemUnderTest sut = new SessionSystemUnderTest(new LengthCostSession(), samples(3), 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> sut.recordingLengths(new int[2], new int[3], new LengthLatencyRecorder(List.of(16))));
    }

    /** Single stream on samples of 8, 24 and 60 tokens costing 0.1 ms per token: three buckets, ordered by cost. */
    @Test
    void aLoadRunRecordsEachMeasuredQueryInItsSamplesBucket() throws Exception {
        int[] lengths = {8, 24, 60};
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (int len : lengths) {
            samples.add(Map.of("input_ids", new Tensor(DType.INT64, new long[] {1, len},
                    Tensor.allocate(DType.INT64, new long[] {1, len}))));
        }
        try (SessionSystemUnderTest sut = new SessionSystemUnderTest(new LengthCostSession(), samples, 1, 1)) {
            sut.recordingLengths(lengths, lengths, new LengthLatencyRecorder(LengthLatencyRecorder.edges(
                    new TextPadding.None(), 64)));
            LoadResult r = new LoadGenerator().run(new LoadPlan(new LoadProfile.SingleStream(), new Warmup.Queries(6),
                    Duration.ofMillis(300), 60, Duration.ofSeconds(20), Duration.ofMillis(100)), sut,
                    ProgressListener.NONE);
            List<LengthLatency> buckets = sut.takeLatencyByLength();
            assertEquals(List.of(16, 32, 64), buckets.stream().map(LengthLatency::toTokens).toList());
            assertEquals(r.measurement().histogram().getTotalCount(),
                    buckets.stream().mapToLong(LengthLatency::queries).sum(), "every measured query, no warmup");
            assertEquals(List.of("8", "24", "60"), buckets.stream().map(LengthLatency::fedTokens).toList());
            for (LengthLatency b : buckets) {
                System.out.printf("%s: %d queries, p50 %.2f ms%n", b.range(), b.queries(),
                        b.percentile(50).valueMs());
            }
            assertTrue(buckets.get(0).percentile(50).valueMs() >= 0.8 * 0.999, "never below 8 tokens' cost");
            assertTrue(buckets.get(2).percentile(50).valueMs() >= 6 * 0.999, "never below 60 tokens' cost");
        }
    }

    private static List<Map<String, Tensor>> samples(int n) {
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("input_ids", new Tensor(DType.INT64, new long[] {1, 4},
                    Tensor.allocate(DType.INT64, new long[] {1, 4}))));
        }
        return out;
    }

    /** A session whose every run takes 0.1 ms per position of its input. */
    private static final class LengthCostSession implements ModelSession {
        @Override
        public List<TensorSpec> inputs() {
            return List.of(new TensorSpec("input_ids", DType.INT64, new long[] {1, -1}));
        }

        @Override
        public List<TensorSpec> outputs() {
            return List.of();
        }

        @Override
        public Map<String, String> properties() {
            return Map.of();
        }

        @Override
        public Runner newRunner() {
            return new Runner() {
                @Override
                public PreparedInput prepare(Map<String, Tensor> inputs) {
                    long positions = inputs.get("input_ids").shape()[1];
                    return new Cost(positions * 100_000L);
                }

                @Override
                public void run(PreparedInput input) {
                    long end = System.nanoTime() + ((Cost) input).nanos();
                    while (System.nanoTime() < end) {
                        LockSupport.parkNanos(Math.max(1, end - System.nanoTime()));
                    }
                }

                @Override
                public Map<String, Tensor> runAndFetch(PreparedInput input) {
                    run(input);
                    return Map.of();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private record Cost(long nanos) implements PreparedInput {
    }
}
