package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.BusyProcess;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.CpuPowerInfo;
import io.inferbench.result.MachineActivity;
import io.inferbench.result.MachineLoad;
import io.inferbench.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The noise guard in the report: the busy warning, the machine rows, the CPU's power settings. */
class MachineRowsTest {
    private static ConfigurationResult with(double peakPercent) {
        ConfigurationResult c = HeadlineTest.ok("threads=1", 9, 8, 10, true, 40, Verdict.of(List.of()), 0);
        return c.withMachine(new MachineActivity("0-1", "0-1", 20, new MachineLoad(1.2, 0.5, 0.4, 0.3, List.of()),
                new MachineLoad(10, 2.5, 1.5, 1, List.of(new BusyProcess(4711, "stress-ng", peakPercent / 2,
                        peakPercent))), 4.2, List.of()));
    }

    @Test
    void theHeadlineSaysTheMachineWasBusy() {
        List<String> lines = HeadlineProblems.of(List.of(with(85))).stream()
                .map(p -> p.status() + " " + p.reason()).toList();
        assertEquals(List.of("BUSY the machine was busy: stress-ng (pid 4711) took up to 85.0% of a core while the "
                + "load ran (above the 20.0% threshold, run.busy-threshold); its figures may be disturbed."), lines);
    }

    @Test
    void aQuietMachineOrAnOldResultSaysNothing() {
        assertTrue(HeadlineProblems.of(List.of(with(20))).isEmpty(), "at the threshold is not above it");
        ConfigurationResult old = HeadlineTest.ok("old", 9, 8, 10, true, 40, Verdict.of(List.of()), 0);
        assertNull(MachineRows.busy(old));
        assertTrue(MachineRows.of(old).isEmpty());
        assertTrue(MachineRows.power(null).isEmpty());
    }

    @Test
    void theDetailsShowPinningAndBothWindows() {
        List<KeyValue> rows = MachineRows.of(with(85));
        assertEquals("CPUs", rows.get(0).key());
        assertTrue(rows.get(0).toString().contains("pinned to 0-1 (hardware.cpus)"), rows.get(0).toString());
        assertTrue(rows.get(1).toString().contains("no other process used CPU"), rows.get(1).toString());
        assertTrue(rows.get(2).toString().contains("stress-ng (pid 4711) 42.5% (peak 85.0%)"), rows.get(2).toString());
        assertTrue(rows.get(2).toString().contains("load average 2.50 / 1.50 / 1.00"), rows.get(2).toString());
        List<KeyValue> power = MachineRows.power(new CpuPowerInfo("performance", CpuPowerInfo.UNREADABLE));
        assertEquals("CPU governor", power.get(0).key());
        assertEquals("Turbo", power.get(1).key());
    }
}
