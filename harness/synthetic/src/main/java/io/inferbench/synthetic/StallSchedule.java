package io.inferbench.synthetic;

/**
 * Global stalls, like stop-the-world GC pauses: starting at {@code originNanos}, every
 * {@code everyNanos} the whole backend stops for {@code stallNanos}. Every runner of a session shares
 * the same windows. A query makes no progress inside a window: one that starts there is held until
 * the window ends and then takes its full latency; one already running is paused and resumes after.
 *
 * <p>Pure arithmetic on {@link System#nanoTime()}-scale times, so tests need no clock.
 *
 * @param everyNanos  period of the stalls; 0 turns them off
 * @param stallNanos  length of each stall, shorter than the period; 0 turns them off
 * @param originNanos start of the first stall (the session's opening)
 */
record StallSchedule(long everyNanos, long stallNanos, long originNanos) {
    static final StallSchedule NONE = new StallSchedule(0, 0, 0);

    StallSchedule {
        if (everyNanos < 0 || stallNanos < 0) {
            throw new IllegalArgumentException("stall-every-ms and stall-ms must be >= 0");
        }
        if (everyNanos == 0 && stallNanos > 0) {
            throw new IllegalArgumentException("stall-ms (" + stallNanos / 1e6 + ") needs stall-every-ms, the period "
                    + "of the stalls; stall-every-ms is 0 (no stalls)");
        }
        if (everyNanos > 0 && stallNanos >= everyNanos) {
            throw new IllegalArgumentException("stall-ms (" + stallNanos / 1e6 + ") must be shorter than stall-every-ms ("
                    + everyNanos / 1e6 + "), or queries would never run");
        }
    }

    /** The schedule from milliseconds, as the options give it; origin 0 until {@link #from}. */
    static StallSchedule ofMillis(double everyMs, double stallMs) {
        if (!(everyMs >= 0) || !(stallMs >= 0) || Double.isInfinite(everyMs) || Double.isInfinite(stallMs)) {
            throw new IllegalArgumentException("stall-every-ms and stall-ms must be numbers >= 0, got " + everyMs
                    + " and " + stallMs);
        }
        return new StallSchedule(Math.round(everyMs * 1e6), Math.round(stallMs * 1e6), 0);
    }

    /** The same schedule with its first stall at {@code originNanos}. */
    StallSchedule from(long originNanos) {
        return new StallSchedule(everyNanos, stallNanos, originNanos);
    }

    boolean enabled() {
        return everyNanos > 0 && stallNanos > 0;
    }

    /** Whether the backend is stalled at {@code nanos}. */
    boolean stalledAt(long nanos) {
        return enabled() && Math.floorMod(nanos - originNanos, everyNanos) < stallNanos;
    }

    /**
     * When a query that starts at {@code startNanos} and needs {@code workNanos} of unstalled time
     * completes.
     */
    long finishAt(long startNanos, long workNanos) {
        if (!enabled()) {
            return startNanos + workNanos;
        }
        long t = startNanos;
        long phase = Math.floorMod(t - originNanos, everyNanos);
        if (phase < stallNanos) {
            t += stallNanos - phase; // held until this stall ends
            phase = stallNanos;
        }
        long beforeNextStall = everyNanos - phase;
        if (workNanos <= beforeNextStall) {
            return t + workNanos;
        }
        // Paused by the next stall, then by one more stall per full running stretch still needed.
        long remaining = workNanos - beforeNextStall;
        t += beforeNextStall + stallNanos;
        long running = everyNanos - stallNanos;
        long cycles = (remaining - 1) / running;
        return t + cycles * everyNanos + (remaining - cycles * running);
    }
}
