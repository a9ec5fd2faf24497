package io.inferbench.synthetic;

import java.util.concurrent.locks.LockSupport;

/**
 * Where the synthetic backend gets time from. The system clock parks and spins; tests pass a fake
 * that only records deadlines, so nothing sleeps. Implementations must be thread-safe: every runner
 * of a session uses the same clock.
 */
interface SyntheticClock {
    /** Now, on the {@link System#nanoTime()} scale. */
    long nanoTime();

    /** Blocks the calling thread until {@link #nanoTime()} reaches {@code deadlineNanos}. */
    void waitUntil(long deadlineNanos);

    /** The real clock: parks for the bulk, spins for the last stretch so short latencies stay accurate. */
    SyntheticClock SYSTEM = new SyntheticClock() {
        /** Below this, spin: parkNanos overshoots by tens of microseconds. */
        private static final long SPIN_NANOS = 200_000;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void waitUntil(long deadlineNanos) {
            long remaining = deadlineNanos - System.nanoTime();
            while (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
                remaining = deadlineNanos - System.nanoTime();
            }
            while (System.nanoTime() - deadlineNanos < 0) {
                Thread.onSpinWait();
            }
        }
    };
}
