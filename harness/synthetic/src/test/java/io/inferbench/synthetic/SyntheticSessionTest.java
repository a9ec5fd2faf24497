package io.inferbench.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.BackendException;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runners against a fake clock: what they wait for, without waiting. */
class SyntheticSessionTest {
    private static final long MS = 1_000_000;

    /** Time moves only when a runner waits; deadlines are recorded. */
    static final class FakeClock implements SyntheticClock {
        long now;
        final List<Long> deadlines = new ArrayList<>();

        FakeClock(long now) {
            this.now = now;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void waitUntil(long deadlineNanos) {
            deadlines.add(deadlineNanos);
            now = Math.max(now, deadlineNanos);
        }
    }

    private static void run(Runner r) throws BackendException {
        PreparedInput in = r.prepare(Map.of());
        r.run(in);
    }

    @Test
    void stallOriginIsWhenTheSessionOpensAndRunnersShareTheWindows() throws BackendException {
        FakeClock clock = new FakeClock(7_000 * MS);
        SyntheticSession s = new SyntheticSession(LatencyModel.fixed(2), StallSchedule.ofMillis(100, 10), 1, clock);
        assertEquals(7_000 * MS, s.stalls().originNanos());
        Runner a = s.newRunner();
        Runner b = s.newRunner();

        clock.now = 7_000 * MS + 50 * MS; // between stalls: just the latency
        run(a);
        assertEquals(7_052 * MS, clock.deadlines.get(0));

        clock.now = 7_000 * MS + 203 * MS; // inside the third stall: held to 210 ms, then 2 ms
        run(b);
        assertEquals(7_212 * MS, clock.deadlines.get(1));

        clock.now = 7_000 * MS + 205 * MS; // the other runner, same window
        run(a);
        assertEquals(7_212 * MS, clock.deadlines.get(2));
    }

    @Test
    void withoutStallsEachQueryTakesItsLatency() throws BackendException {
        FakeClock clock = new FakeClock(0);
        SyntheticSession s = new SyntheticSession(LatencyModel.fixed(3), StallSchedule.NONE, 1, clock);
        Runner r = s.newRunner();
        run(r);
        run(r);
        assertEquals(List.of(3 * MS, 6 * MS), clock.deadlines);
    }

    @Test
    void runnersAreSeededAndReproducible() throws BackendException {
        LatencyModel m = new LatencyModel(LatencyModel.Distribution.LOGNORMAL, 1, 0, 0.5, 0, 0, 0);
        FakeClock c1 = new FakeClock(0);
        FakeClock c2 = new FakeClock(0);
        List<Long> first = latencies(new SyntheticSession(m, StallSchedule.NONE, 42, c1), c1);
        List<Long> again = latencies(new SyntheticSession(m, StallSchedule.NONE, 42, c2), c2);
        assertEquals(first, again);
        assertEquals(10, new java.util.HashSet<>(first).size(), "runners draw different streams");
    }

    /** Five latencies from each of two runners. */
    private static List<Long> latencies(SyntheticSession s, FakeClock clock) throws BackendException {
        List<Long> out = new ArrayList<>();
        for (Runner r : List.of(s.newRunner(), s.newRunner())) {
            for (int i = 0; i < 5; i++) {
                long before = clock.now;
                run(r);
                out.add(clock.now - before);
            }
        }
        return out;
    }

    @Test
    void failuresThrowAfterTheLatency() {
        FakeClock clock = new FakeClock(0);
        LatencyModel m = new LatencyModel(LatencyModel.Distribution.FIXED, 1, 0, 0, 0, 0, 1);
        Runner r = new SyntheticSession(m, StallSchedule.NONE, 1, clock).newRunner();
        BackendException e = assertThrows(BackendException.class, () -> run(r));
        assertTrue(e.getMessage().contains("synthetic failure"), e.getMessage());
        assertEquals(List.of(MS), clock.deadlines);
    }

    @Test
    void propertiesDescribeTheModel() {
        SyntheticSession s = new SyntheticSession(new LatencyModel(LatencyModel.Distribution.BIMODAL, 2, 0.5, 0.5, 10,
                0.2, 0), StallSchedule.ofMillis(1000, 20), 1, new FakeClock(0));
        Map<String, String> p = s.properties();
        assertEquals("bimodal", p.get("distribution"));
        assertEquals("10.0", p.get("second-latency-ms"));
        assertEquals("0.2", p.get("second-probability"));
        assertEquals("1000.0", p.get("stall-every-ms"));
        assertEquals("20.0", p.get("stall-ms"));
    }
}
