package io.inferbench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** A system under test whose every query takes a known time, optionally failing; for load-generator tests. */
final class KnownLatencySystem implements SystemUnderTest {
    final long latencyNanos;
    final double failEvery;
    final AtomicInteger issued = new AtomicInteger();
    final int[] sampleHits;
    final java.util.concurrent.ConcurrentLinkedQueue<Integer> batchSizes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    int maxBatch = 1;
    /** Every {@link #measured} call: count, sample, latency. */
    final java.util.concurrent.ConcurrentLinkedQueue<long[]> measured = new java.util.concurrent.ConcurrentLinkedQueue<>();

    KnownLatencySystem(long latencyNanos, double failEvery, int samples) {
        this.latencyNanos = latencyNanos;
        this.failEvery = failEvery;
        this.sampleHits = new int[samples];
    }

    @Override
    public int sampleCount() {
        return sampleHits.length;
    }

    @Override
    public int samplesPerQuery() {
        return 2;
    }

    @Override
    public int maxBatchSize() {
        return maxBatch;
    }

    @Override
    public void measured(int count, int sampleIndex, long latencyNanos) {
        measured.add(new long[] {count, sampleIndex, latencyNanos});
    }

    @Override
    public QueryWorker worker(int index) {
        return new QueryWorker() {
            @Override
            public void issue(int sample) throws Exception {
                run(sample);
            }

            @Override
            public void issueBatch(int count, int sample) throws Exception {
                batchSizes.add(count);
                run(sample);
            }
        };
    }

    private void run(int sample) {
        {
            int n = issued.incrementAndGet();
            synchronized (sampleHits) {
                sampleHits[sample]++;
            }
            long end = System.nanoTime() + latencyNanos;
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(Math.max(1, end - System.nanoTime()));
            }
            if (failEvery > 0 && n % (int) failEvery == 0) {
                throw new IllegalStateException("planned failure " + n);
            }
        }
    }
}
