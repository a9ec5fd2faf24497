package io.inferbench.adapter.support;

import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of /proc style files, and the CPU entry. */
class ProcInfoTest {
    @Test
    void readsTheFirstMatchingKey(@TempDir Path dir) throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), """
                processor\t: 0
                model name\t: Example CPU @ 3.00GHz
                processor\t: 1
                model name\t: Example CPU @ 3.00GHz
                """);
        Path gpu = Files.writeString(dir.resolve("information"), "Model: \t\t NVIDIA Example 40GB\nIRQ: 1\n");

        assertEquals(Optional.of("Example CPU @ 3.00GHz"), ProcInfo.firstValue(cpuinfo, "model name"));
        assertEquals(Optional.of("NVIDIA Example 40GB"), ProcInfo.firstValue(gpu, "Model"));
        assertEquals(Optional.empty(), ProcInfo.firstValue(cpuinfo, "model"), "whole keys only");
        assertEquals(Optional.empty(), ProcInfo.firstValue(dir.resolve("missing"), "Model"));
    }

    @Test
    void describesTheCpu() {
        DeviceInfo cpu = ProcInfo.cpu();
        assertEquals(Device.CPU, cpu.device());
        assertTrue(cpu.available());
        assertTrue(cpu.description().endsWith(Runtime.getRuntime().availableProcessors() + " logical CPUs"),
                cpu.description());
    }
}
