package io.inferbench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * A system under test with a fixed service time and a global stall (like a stop-the-world pause):
 * a query that runs inside a stall window is held until the window ends.
 */
final class StallingSystem implements SystemUnderTest {
    private final long serviceNanos;
    private final long periodNanos;
    private final long stallNanos;
    private final long origin = System.nanoTime();

    StallingSystem(long serviceNanos, long periodNanos, long stallNanos) {
        this.serviceNanos = serviceNanos;
        this.periodNanos = periodNanos;
        this.stallNanos = stallNanos;
    }

    @Override
    public int sampleCount() {
        return 1;
    }

    @Override
    public int samplesPerQuery() {
        return 1;
    }

    @Override
    public QueryWorker worker(int index) {
        return sample -> {
            long intoPeriod = (System.nanoTime() - origin) % periodNanos;
            if (intoPeriod >= periodNanos - stallNanos) {
                sleepUntil(System.nanoTime() + (periodNanos - intoPeriod));
            }
            sleepUntil(System.nanoTime() + serviceNanos);
        };
    }

    private static void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
