package io.inferbench.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nvidia-smi CSV parsing. */
class NvidiaSmiTest {
    @Test
    void parsesOneLinePerGpuWithNotAvailableFields() {
        String csv = """
                0, 87, 15360, 215.43
                1, 3, 512, [N/A]
                WARNING: infoROM is corrupted at gpu 0000:00:04.0
                """;
        List<NvidiaSmi.GpuReading> r = NvidiaSmi.parse(csv);
        assertEquals(2, r.size());
        assertEquals(new NvidiaSmi.GpuReading(0, 87, 15360L * 1024 * 1024, 215.43), r.get(0));
        assertTrue(Double.isNaN(r.get(1).powerWatts()));
        assertEquals(List.of(), NvidiaSmi.parse(null));
    }

    @Test
    void combinesGpus() {
        NvidiaSmi.GpuReading c = NvidiaSmi.combine(List.of(new NvidiaSmi.GpuReading(0, 80, 1000, 200),
                new NvidiaSmi.GpuReading(1, 20, 500, 100)));
        assertEquals(50, c.utilPercent(), 1e-9);
        assertEquals(1500, c.memoryUsedBytes());
        assertEquals(300, c.powerWatts(), 1e-9);
        assertEquals(-1, NvidiaSmi.combine(List.of(new NvidiaSmi.GpuReading(0, 1, -1, 1),
                new NvidiaSmi.GpuReading(1, 1, 5, 1))).memoryUsedBytes());
    }

    @Test
    void commandSelectsOneGpuOrAll() {
        Path smi = Path.of("/usr/bin/nvidia-smi");
        assertEquals(List.of("/usr/bin/nvidia-smi", "--query-gpu=index,utilization.gpu,memory.used,power.draw",
                "--format=csv,noheader,nounits", "--id=1"), NvidiaSmi.command(smi, 1));
        assertEquals(3, NvidiaSmi.command(smi, -1).size());
    }
}
