package io.inferbench.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixture parsing of /proc/stat, /proc/self/stat and /proc/self/status. */
class ProcParsingTest {
    private static final String STAT_1 = """
            cpu  300 0 100 600 0 0 0 0 0 0
            cpu0 100 0 50 350 0 0 0 0 0 0
            cpu1 200 0 50 250 0 0 0 0 0 0
            intr 12345 0 0
            ctxt 999
            """;
    // cpu0: +50 user +50 idle -> 50% busy; cpu1: +90 user +5 system +5 iowait -> 95% busy.
    private static final String STAT_2 = """
            cpu  445 0 105 655 5 0 0 0 0 0
            cpu0 150 0 50 400 0 0 0 0 0 0
            cpu1 290 0 55 250 5 0 0 0 0 0
            intr 12400 0 0
            """;

    @Test
    void perCoreBusyFromTwoReadings() {
        List<ProcStat.CoreTimes> a = ProcStat.perCore(STAT_1);
        List<ProcStat.CoreTimes> b = ProcStat.perCore(STAT_2);
        assertEquals(List.of(new ProcStat.CoreTimes(0, 150, 500), new ProcStat.CoreTimes(1, 250, 500)), a);
        List<Double> busy = ProcStat.busyPercent(a, b);
        assertEquals(2, busy.size());
        assertEquals(50.0, busy.get(0), 1e-9);
        assertEquals(95.0, busy.get(1), 1e-9);
    }

    @Test
    void stealCountsAsBusyGuestIsNotCountedTwice() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        List<ProcStat.CoreTimes> c = ProcStat.perCore("cpu0 10 1 2 100 3 4 5 6 10 1\n");
        assertEquals(new ProcStat.CoreTimes(0, 28, 131), c.get(0));
    }

    @Test
    void coreThatCameOnlineOrDidNotAdvanceIsNaN() {
        List<ProcStat.CoreTimes> a = ProcStat.perCore("cpu0 1 0 1 10\n");
        List<ProcStat.CoreTimes> b = ProcStat.perCore("cpu0 1 0 1 10\ncpu1 5 0 0 5\n");
        List<Double> busy = ProcStat.busyPercent(a, b);
        assertTrue(busy.get(0).isNaN());
        assertTrue(busy.get(1).isNaN());
        assertEquals(List.of(), ProcStat.perCore(null));
        assertEquals(List.of(), ProcStat.perCore("garbage\ncpuX 1 2\n"));
    }

    @Test
    void selfStatWithParenthesesAndSpacesInTheName() {
        String stat = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 5000 0 0 0 "
                + "1234 567 0 0 20 0 37 0 100 8000000000 65536 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1";
        ProcSelfStat.Times t = ProcSelfStat.parse(stat).orElseThrow();
        assertEquals(1234, t.utimeTicks());
        assertEquals(567, t.stimeTicks());
        assertEquals(37, t.threads());
        assertEquals(65536, t.rssPages());
        assertEquals((1234 + 567) * 10_000_000L, t.cpuNanos());
        assertTrue(ProcSelfStat.parse("4242 (java) S 1 2").isEmpty());
        assertTrue(ProcSelfStat.parse(null).isEmpty());
    }

    @Test
    void statusMemoryAndThreads() {
        String status = """
                Name:\tjava
                VmPeak:\t 9000000 kB
                VmHWM:\t  524288 kB
                VmRSS:\t  262144 kB
                Threads:\t42
                """;
        ProcStatus.Memory m = ProcStatus.parse(status);
        assertEquals(262144L * 1024, m.rssBytes());
        assertEquals(524288L * 1024, m.peakRssBytes());
        assertEquals(42, m.threads());
        assertEquals(new ProcStatus.Memory(-1, -1, -1), ProcStatus.parse("Name:\tkthread\n"));
        assertEquals(new ProcStatus.Memory(-1, -1, -1), ProcStatus.parse(null));
    }
}
