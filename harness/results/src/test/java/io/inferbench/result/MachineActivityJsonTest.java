package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The noise guard's records (CPU power settings, machine activity) through {@link ResultJson}, and old results without them. */
class MachineActivityJsonTest {
    static MachineActivity activity(double peak) {
        return new MachineActivity("0-1", "0-1", 20, new MachineLoad(1.5, 0.5, 0.25, Double.NaN, List.of()),
                new MachineLoad(9, 2.0, 1.0, 0.5, List.of(new BusyProcess(42, "stress-ng", peak / 2, peak))), 3.5,
                List.of("/proc/loadavg not readable (not present)"));
    }

    static RunResult withNoiseGuard(MachineActivity activity) {
        RunResult sample = ResultReaderPropertiesTest.sample();
        EnvironmentInfo env = new EnvironmentInfo("h", "cpu", List.of("avx2"), 2, 1, "os", "k", "amd64", "jvm",
                List.of(), Map.of("java", "17"), null, "2026-01-01T00:00:00Z", List.of(),
                new CpuPowerInfo("performance", "on (cpufreq/boost)"));
        ConfigurationResult c = sample.configurations().get(0).withMachine(activity);
        return new RunResult(sample.schema(), sample.runId(), sample.startedAt(), null, sample.scenario(), env,
                List.of(c, sample.configurations().get(1)), null);
    }

    @Test
    void roundTrips() throws IOException {
        RunResult written = withNoiseGuard(activity(85));
        RunResult read = ResultJson.fromJson(ResultJson.toJson(written));
        assertEquals(written.environment(), read.environment());
        assertEquals(written.configurations().get(0).machine(), read.configurations().get(0).machine());
        assertNull(read.configurations().get(1).machine(), "a configuration that did not run has none");
    }

    @Test
    void oldResultsReadWithoutThem() throws IOException {
        String json = ResultJson.toJson(ResultReaderPropertiesTest.sample());
        assertFalse(json.contains("\"machine\""), "absent, not null, when not recorded");
        RunResult read = ResultJson.fromJson(json);
        assertNull(read.configurations().get(0).machine());
    }

    @Test
    void busyOnlyAboveTheThreshold() {
        assertTrue(activity(85).wasBusy());
        assertEquals(42, activity(85).busy().get(0).pid());
        assertFalse(activity(20).wasBusy(), "at the threshold is not above it");
    }

    @Test
    void forksMergeToTheBusiestProcesses() {
        MachineActivity quiet = activity(5);
        MachineActivity busy = new MachineActivity("0-1", "0-1", 20, null,
                new MachineLoad(4, 1, 1, 1, List.of(new BusyProcess(7, "backup", 60, 90))), 1, List.of());
        MachineActivity merged = MachineActivity.merge(java.util.Arrays.asList(quiet, null, busy));
        assertEquals(List.of(7L, 42L), merged.during().busiest().stream().map(BusyProcess::pid).toList());
        assertEquals(13, merged.during().windowSeconds(), 1e-9);
        assertEquals(4.5, merged.monitorCpuMs(), 1e-9);
        assertEquals(quiet.before(), merged.before());
        assertTrue(merged.wasBusy());
    }
}
