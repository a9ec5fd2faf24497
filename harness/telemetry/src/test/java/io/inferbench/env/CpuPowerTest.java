package io.inferbench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.result.CpuPowerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPowerTest {
    @TempDir
    Path cpu;

    private void governor(int core, String g) throws Exception {
        Files.createDirectories(cpu.resolve("cpu" + core + "/cpufreq"));
        Files.writeString(cpu.resolve("cpu" + core + "/cpufreq/scaling_governor"), g + "\n");
    }

    @Test
    void oneGovernorAndBoost() throws Exception {
        governor(0, "performance");
        governor(1, "performance");
        Files.createDirectories(cpu.resolve("cpufreq"));
        Files.writeString(cpu.resolve("cpufreq/boost"), "1\n");
        assertEquals(new CpuPowerInfo("performance", "on (cpufreq/boost)"), CpuPower.read(cpu));
    }

    @Test
    void mixedGovernorsAndIntelNoTurbo() throws Exception {
        governor(0, "performance");
        governor(1, "performance");
        governor(2, "powersave");
        Files.createDirectories(cpu.resolve("cpuidle")); // not a core
        Files.createDirectories(cpu.resolve("intel_pstate"));
        Files.writeString(cpu.resolve("intel_pstate/no_turbo"), "1\n");
        assertEquals(new CpuPowerInfo("performance (cpu0-1), powersave (cpu2)", "off (intel_pstate/no_turbo)"),
                CpuPower.read(cpu));
    }

    @Test
    void aVmWithoutCpufreqIsUnreadable() throws Exception {
        Files.createDirectories(cpu.resolve("cpu0"));
        assertEquals(new CpuPowerInfo(CpuPowerInfo.UNREADABLE, CpuPowerInfo.UNREADABLE), CpuPower.read(cpu));
        assertEquals(new CpuPowerInfo(CpuPowerInfo.UNREADABLE, CpuPowerInfo.UNREADABLE),
                CpuPower.read(cpu.resolve("absent")));
    }
}
