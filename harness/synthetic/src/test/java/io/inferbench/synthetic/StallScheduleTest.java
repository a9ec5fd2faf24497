package io.inferbench.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stall windows as arithmetic: every 100 ms from the origin, the backend stops for 10 ms. */
class StallScheduleTest {
    private static final long MS = 1_000_000;
    private static final long ORIGIN = 5_000 * MS;
    private static final StallSchedule STALLS = StallSchedule.ofMillis(100, 10).from(ORIGIN);

    @Test
    void queryStartedInsideAStallIsHeldToItsEndThenTakesItsLatency() {
        assertEquals(ORIGIN + 210 * MS + 2 * MS, STALLS.finishAt(ORIGIN + 203 * MS, 2 * MS));
        assertEquals(ORIGIN + 10 * MS + 2 * MS, STALLS.finishAt(ORIGIN, 2 * MS), "the first stall starts at the origin");
        assertEquals(ORIGIN + 210 * MS, STALLS.finishAt(ORIGIN + 209 * MS, 0), "even a zero-latency query waits");
    }

    @Test
    void queryBetweenStallsIsUntouched() {
        assertEquals(ORIGIN + 52 * MS, STALLS.finishAt(ORIGIN + 50 * MS, 2 * MS));
        assertEquals(ORIGIN + 100 * MS, STALLS.finishAt(ORIGIN + 98 * MS, 2 * MS), "ends as the stall begins");
    }

    @Test
    void runningQueryIsPausedByAStall() {
        // 5 ms of work from 98 ms: 2 ms, paused 100..110, 3 ms more.
        assertEquals(ORIGIN + 113 * MS, STALLS.finishAt(ORIGIN + 98 * MS, 5 * MS));
        // 250 ms of work from 50 ms: runs 50..100, 110..200, 210..300 (230 ms), then 20 ms after 310.
        assertEquals(ORIGIN + 330 * MS, STALLS.finishAt(ORIGIN + 50 * MS, 250 * MS));
        // Exactly filling the running stretches: 90 ms from 10 ms ends at 100 ms; 180 ms ends at 200 ms.
        assertEquals(ORIGIN + 100 * MS, STALLS.finishAt(ORIGIN + 10 * MS, 90 * MS));
        assertEquals(ORIGIN + 200 * MS, STALLS.finishAt(ORIGIN + 10 * MS, 180 * MS));
    }

    @Test
    void timesBeforeTheOriginFollowTheSamePeriod() {
        assertTrue(STALLS.stalledAt(ORIGIN - 100 * MS + 5 * MS));
        assertFalse(STALLS.stalledAt(ORIGIN - 5 * MS));
        assertEquals(ORIGIN + 11 * MS, STALLS.finishAt(ORIGIN - 5 * MS, 6 * MS),
                "5 ms up to the origin, held 10 ms, then 1 ms");
    }

    @Test
    void stalledAt() {
        assertTrue(STALLS.stalledAt(ORIGIN));
        assertTrue(STALLS.stalledAt(ORIGIN + 309 * MS));
        assertFalse(STALLS.stalledAt(ORIGIN + 310 * MS));
        assertFalse(STALLS.stalledAt(ORIGIN + 99 * MS));
    }

    @Test
    void offMeansNoStalls() {
        assertFalse(StallSchedule.NONE.enabled());
        assertEquals(123 + 7 * MS, StallSchedule.NONE.finishAt(123, 7 * MS));
        assertFalse(StallSchedule.ofMillis(0, 0).from(ORIGIN).stalledAt(ORIGIN));
    }

    @Test
    void inconsistentOptionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StallSchedule.ofMillis(10, 10));
        assertTrue(e.getMessage().contains("stall-ms (10.0) must be shorter than stall-every-ms (10.0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StallSchedule.ofMillis(0, 5));
        assertTrue(e.getMessage().contains("needs stall-every-ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StallSchedule.ofMillis(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> StallSchedule.ofMillis(Double.POSITIVE_INFINITY, 1));
    }
}
