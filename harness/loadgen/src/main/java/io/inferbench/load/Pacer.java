package io.inferbench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a {@code System.nanoTime()} deadline precisely: parks for the bulk of the wait and
 * spins only for the last stretch, because {@code parkNanos} overshoots by tens of microseconds.
 * Spinning is bounded so the pacer does not steal a core from the system under test.
 */
public final class Pacer {
    /**
     * Spin only this close to the deadline: Linux's default timer slack is 50 µs, so a park woken
     * later than that would overshoot short gaps.
     */
    static final long SPIN_NANOS = 100_000;

    private Pacer() {
    }

    /** Returns at or just after {@code deadlineNanos}; returns at once if it has passed. */
    public static void awaitNanoTime(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        while (remaining > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
            remaining = deadlineNanos - System.nanoTime();
        }
        while (System.nanoTime() - deadlineNanos < 0) {
            Thread.onSpinWait();
        }
    }
}
