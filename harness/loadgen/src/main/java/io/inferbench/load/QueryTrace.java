package io.inferbench.load;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every query's scheduled, start and end time in one load run, as LoadGen's detailed log has them
 * ({@code run.trace: true}). Off by default: a run without it has no trace at all.
 *
 * <p>Cheap on the hot path: {@link #record} claims a slot with one atomic increment and writes
 * four longs into a preallocated chunk; memory comes in chunks of {@value #CHUNK} queries, so a query
 * allocates nothing (a chunk is created once per {@value #CHUNK} queries). At most
 * {@link #MAX_QUERIES} are kept; later ones are counted in {@link #dropped()}.
 *
 * <p>Threading: {@link #record} from any number of threads; read ({@link #size}, the getters)
 * only after the load run returned (its workers' completion orders the writes before the reads).
 */
public final class QueryTrace {
    /** Queries one trace keeps: 4 million rows are 128 MB, the child's heap allows it. */
    public static final int MAX_QUERIES = 4_000_000;
    static final int CHUNK = 1 << 14;

    /** Longs per query: scheduled, start, end, and sample / worker / flags packed in one. */
    private static final int STRIDE = 4;
    /** Flag bits of the packed long: measurement (else warmup), failed, written. */
    private static final long MEASURED = 1L << 48;
    private static final long FAILED = 1L << 49;
    private static final long WRITTEN = 1L << 50;

    private final AtomicReferenceArray<long[]> chunks = new AtomicReferenceArray<>(MAX_QUERIES / CHUNK + 1);
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final long originNanos;
    private final long originEpochNanos;

    /** A trace whose times are taken on the {@link System#nanoTime()} clock from now on. */
    public QueryTrace() {
        originNanos = System.nanoTime();
        Instant now = Instant.now();
        originEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        chunks.set(0, new long[CHUNK * STRIDE]); // the first chunk before timing starts
    }

    /**
     * Records one query; called by workers after the query's timed region.
     *
     * @param phase          the phase it counted in
     * @param worker         the worker thread that ran it (0-based)
     * @param sample         the sample it ran on
     * @param scheduledNanos when it was due ({@link System#nanoTime()}): its arrival in an open loop, its
     *                       issue time otherwise
     * @param startNanos     when its inference started
     * @param endNanos       when it completed
     * @param ok             false when it threw
     */
    void record(Phase phase, int worker, int sample, long scheduledNanos, long startNanos, long endNanos,
                boolean ok) {
        // Checked before claiming, so the counter passes the limit by at most one per thread (never wraps).
        int i = next.get() < MAX_QUERIES ? next.getAndIncrement() : MAX_QUERIES;
        if (i >= MAX_QUERIES) {
            dropped.increment();
            return;
        }
        // One query's four longs are adjacent: one cache line written, not one per column.
        long[] c = chunk(i / CHUNK);
        int j = (i % CHUNK) * STRIDE;
        c[j] = scheduledNanos;
        c[j + 1] = startNanos;
        c[j + 2] = endNanos;
        c[j + 3] = (sample & 0xFFFF_FFFFL) | (long) Math.min(worker, 0xFFFF) << 32
                | (phase == Phase.MEASUREMENT ? MEASURED : 0) | (ok ? 0 : FAILED) | WRITTEN;
    }

    private long[] chunk(int index) {
        long[] c = chunks.get(index);
        if (c == null) {
            long[] fresh = new long[CHUNK * STRIDE];
            c = chunks.compareAndSet(index, null, fresh) ? fresh : chunks.get(index);
        }
        return c;
    }

    /** Rows recorded (at most {@link #MAX_QUERIES}), in the order their queries completed. */
    public int size() {
        return Math.min(next.get(), MAX_QUERIES);
    }

    /** Queries past {@link #MAX_QUERIES}, not recorded. */
    public long dropped() {
        return dropped.sum();
    }

    /** False for a row a hung worker claimed but never wrote (it is then left out of files). */
    public boolean written(int row) {
        long[] c = chunks.get(row / CHUNK);
        return c != null && (c[(row % CHUNK) * STRIDE + 3] & WRITTEN) != 0;
    }

    public Phase phase(int row) {
        return (at(row, 3) & MEASURED) != 0 ? Phase.MEASUREMENT : Phase.WARMUP;
    }

    public boolean ok(int row) {
        return (at(row, 3) & FAILED) == 0;
    }

    public int worker(int row) {
        return (int) (at(row, 3) >>> 32 & 0xFFFF);
    }

    public int sample(int row) {
        return (int) at(row, 3);
    }

    /** When the query was due, in nanoseconds since the epoch. */
    public long scheduledEpochNanos(int row) {
        return epoch(at(row, 0));
    }

    /** When its inference started, in nanoseconds since the epoch. */
    public long startEpochNanos(int row) {
        return epoch(at(row, 1));
    }

    /** When it completed, in nanoseconds since the epoch. */
    public long endEpochNanos(int row) {
        return epoch(at(row, 2));
    }

    private long at(int row, int field) {
        return chunks.get(row / CHUNK)[(row % CHUNK) * STRIDE + field];
    }

    /** The monotonic clock placed on the wall clock once, at creation: differences stay exact. */
    private long epoch(long nanoTime) {
        return originEpochNanos + (nanoTime - originNanos);
    }
}
