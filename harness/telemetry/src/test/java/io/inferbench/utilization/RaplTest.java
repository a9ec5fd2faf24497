package io.inferbench.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAPL counters: parsing, wrap-around, zone selection, and the meter over a fixture directory. */
class RaplTest {
    @Test
    void deltaHandlesWrapThroughMaxRange() {
        assertEquals(500, Rapl.deltaMicrojoules(1_000, 1_500, 262_143_328_850L));
        // 100 µJ to the top of the range, then 400 from zero.
        assertEquals(500, Rapl.deltaMicrojoules(262_143_328_750L, 400, 262_143_328_850L));
        assertEquals(-1, Rapl.deltaMicrojoules(1_000, 400, -1));
        assertEquals(0, Rapl.deltaMicrojoules(7, 7, 100));
    }

    @Test
    void parsesCountersAndPicksPackageZones() {
        assertEquals(123456789L, Rapl.parseMicrojoules("123456789\n").getAsLong());
        assertTrue(Rapl.parseMicrojoules("n/a").isEmpty());
        assertTrue(Rapl.parseMicrojoules(null).isEmpty());
        assertTrue(Rapl.isPackageZone("intel-rapl:0", "package-0\n"));
        assertTrue(Rapl.isPackageZone("intel-rapl:1", null));
        assertFalse(Rapl.isPackageZone("intel-rapl:1", "psys\n"), "psys already contains the packages");
        assertFalse(Rapl.isPackageZone("intel-rapl:0:0", "core"), "sub-zones are inside their package");
        assertFalse(Rapl.isPackageZone("intel-rapl-mmio:0", "package-0"));
    }

    @Test
    void meterSumsPackagesAcrossAWrap(@TempDir Path root) throws Exception {
        zone(root, "intel-rapl:0", "package-0", 1_000_000, 9_000_000);
        zone(root, "intel-rapl:1", "package-1", 500_000, 9_000_000);
        zone(root, "intel-rapl:2", "psys", 0, 9_000_000);
        List<String> notes = new ArrayList<>();
        RaplMeter meter = RaplMeter.open(root, notes::add);
        assertTrue(Double.isNaN(meter.joulesSinceLast()), "the first read is the baseline");
        Files.writeString(root.resolve("intel-rapl:0/energy_uj"), "3000000");
        // Package 1 wrapped: 8.5 J up to the top of its range, then 0.1 J from zero.
        Files.writeString(root.resolve("intel-rapl:1/energy_uj"), "100000");
        Files.writeString(root.resolve("intel-rapl:2/energy_uj"), "7000000"); // psys: ignored
        assertEquals(2.0 + 8.6, meter.joulesSinceLast(), 1e-9);
        assertEquals(List.of(), notes);
    }

    @Test
    void unreadableCounterLeavesANote(@TempDir Path root) throws Exception {
        Path zone = Files.createDirectories(root.resolve("intel-rapl:0"));
        Files.createDirectories(zone.resolve("energy_uj")); // a directory: reading it fails, even as root
        List<String> notes = new ArrayList<>();
        RaplMeter meter = RaplMeter.open(root, notes::add);
        assertTrue(Double.isNaN(meter.joulesSinceLast()));
        assertTrue(notes.get(0).startsWith("RAPL: " + zone.resolve("energy_uj") + " not readable ("), notes.toString());
    }

    @Test
    void missingRootAndPermissionReasons(@TempDir Path tmp) {
        List<String> notes = new ArrayList<>();
        RaplMeter.open(tmp.resolve("nope"), notes::add);
        assertTrue(notes.get(0).startsWith("RAPL: " + tmp.resolve("nope") + " not present"), notes.toString());
        Path f = Path.of("/sys/class/powercap/intel-rapl:0/energy_uj");
        assertEquals(f + " not readable (permission denied)",
                TextFiles.unreadable(f, new AccessDeniedException(f.toString())));
    }

    private static void zone(Path root, String dir, String name, long energy, long max) throws Exception {
        Path z = Files.createDirectories(root.resolve(dir));
        Files.writeString(z.resolve("name"), name + "\n");
        Files.writeString(z.resolve("energy_uj"), energy + "\n");
        Files.writeString(z.resolve("max_energy_range_uj"), max + "\n");
    }
}
