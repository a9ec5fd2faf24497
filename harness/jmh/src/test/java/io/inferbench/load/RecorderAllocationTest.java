package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The recorder's memory does not grow with the run's length: ten million records allocate
 * (almost) nothing on the recording thread. RecorderBenchmark with {@code -prof gc} shows the same
 * per operation; this keeps it from regressing. An allocation check, not a timing one.
 */
class RecorderAllocationTest {
    private static final int RECORDS = 10_000_000;

    @Test
    void recordingAllocatesNothing() {
        var threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counters are not available on this JVM");
        var counters = (com.sun.management.ThreadMXBean) threads;
        long id = Thread.currentThread().getId();
        PhaseRecorder recorder = new PhaseRecorder(Phase.MEASUREMENT);
        long start = System.nanoTime();
        recorder.start(start);
        record(recorder, 100_000, start); // class loading and first-use allocation happen here

        long before = counters.getThreadAllocatedBytes(id);
        record(recorder, RECORDS, start);
        long allocated = counters.getThreadAllocatedBytes(id) - before;

        assertTrue(allocated < 64 * 1024, RECORDS + " records allocated " + allocated + " bytes");
        assertEquals(100_000L + RECORDS, recorder.completed());
    }

    private static void record(PhaseRecorder recorder, int n, long start) {
        long clock = start;
        for (int i = 0; i < n; i++) {
            long latency = 50_000 + (i * 7919L) % 5_000_000;
            clock += latency;
            recorder.record(latency, clock);
        }
    }
}
