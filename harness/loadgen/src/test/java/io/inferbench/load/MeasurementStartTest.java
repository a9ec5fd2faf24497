package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listener hears once when the measurement begins, from the timeline thread, after the warmup's
 * last interval and before the measurement's first: closed and open loops, with and without warmup.
 */
class MeasurementStartTest {
    private static final long MS = 1_000_000L;

    /** Records the order of events as strings. */
    private static final class Events implements ProgressListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public synchronized void onProgress(Progress p) {
            seen.add(p.phase().name());
        }

        @Override
        public synchronized void onMeasurementStart() {
            seen.add("START@" + Thread.currentThread().getName());
        }

        synchronized List<String> starts() {
            return seen.stream().filter(s -> s.startsWith("START")).toList();
        }
    }

    private static LoadPlan plan(LoadProfile profile, Warmup warmup) {
        return new LoadPlan(profile, warmup, Duration.ofMillis(300), 10, Duration.ofSeconds(10),
                Duration.ofMillis(50), null);
    }

    private static void check(Events e, boolean warmup) {
        assertEquals(List.of("START@inferbench-timeline"), e.starts(), e.seen.toString());
        int start = e.seen.indexOf("START@inferbench-timeline");
        assertTrue(e.seen.subList(0, start).stream().allMatch(s -> s.equals("WARMUP")), e.seen.toString());
        assertEquals(warmup, start > 0, "warmup intervals before the start: " + e.seen);
        assertTrue(e.seen.subList(start + 1, e.seen.size()).stream().allMatch(s -> s.equals("MEASUREMENT")),
                e.seen.toString());
    }

    @Test
    void aClosedLoopSaysOnceWhenItsMeasurementBegins() throws Exception {
        Events e = new Events();
        new LoadGenerator().run(plan(new LoadProfile.SingleStream(), new Warmup.Time(Duration.ofMillis(120))),
                new KnownLatencySystem(MS, 0, 4), e);
        check(e, true);
    }

    @Test
    void withoutWarmupTheMeasurementBeginsAtOnce() throws Exception {
        Events e = new Events();
        new LoadGenerator().run(plan(new LoadProfile.Concurrency(2), new Warmup.Queries(0)),
                new KnownLatencySystem(MS, 0, 4), e);
        check(e, false);
    }

    @Test
    void anOpenLoopSaysSoToo() throws Exception {
        Events e = new Events();
        LoadProfile.Rate rate = new LoadProfile.Rate(200, Double.NaN, LoadProfile.Arrival.CONSTANT, 1, 1, 1000,
                Duration.ofMillis(5));
        new LoadGenerator().run(plan(rate, new Warmup.Time(Duration.ofMillis(120))), new KnownLatencySystem(MS, 0, 4), e);
        check(e, true);
    }
}
