package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hardware.cpus}, {@code run.busy-threshold} and {@code run.trace}. */
class NoiseGuardKeysTest {
    @TempDir
    Path dir;

    private ConfigurationSpec parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of("test.yaml"), dir, yaml).configurations().get(0);
    }

    private Problem problem(String yaml) {
        List<Problem> ps = assertThrows(ScenarioException.class, () -> parse(yaml)).problems();
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0);
    }

    @Test
    void cpusArePinnedAndRecorded() throws ScenarioException {
        ConfigurationSpec c = parse("""
                backend: { name: synthetic }
                hardware: { cpus: "0,0-0" }
                """);
        assertEquals("0", c.hardware().cpus(), "written canonically");
        assertEquals("0", c.settings().get("hardware.cpus"));
        assertNull(parse("backend: { name: synthetic }\n").hardware().cpus(), "not pinned by default");
    }

    @Test
    void aMalformedCpuListIsRejectedWithItsPlace() {
        for (String bad : List.of("\"1-0\"", "abc", "\"0-\"", "\"0,,1\"", "\"99999\"")) {
            Problem p = problem("backend: { name: synthetic }\nhardware: { cpus: " + bad + " }\n");
            assertEquals("test.yaml", p.file());
            assertEquals(2, p.line(), p.format());
            assertEquals("hardware.cpus", p.path(), p.format());
            assertTrue(p.message().contains("expected a CPU list"), p.format());
        }
    }

    @Test
    void cpusThatDoNotExistAreRejected() {
        Problem p = problem("backend: { name: synthetic }\nhardware: { cpus: \"0,8000-8001\" }\n");
        assertEquals("hardware.cpus", p.path());
        assertTrue(p.message().contains("CPUs 8000-8001 do not exist on this machine (online: "), p.format());
    }

    @Test
    void pinningNeedsAChildJvm() {
        Problem p = problem("backend: { name: synthetic }\nhardware: { cpus: \"0\" }\nrun: { forks: 0 }\n");
        assertEquals("hardware.cpus", p.path());
        assertTrue(p.message().contains("run.forks: 0"), p.format());
    }

    @Test
    void busyThresholdAndTrace() throws ScenarioException {
        RunSpec defaults = parse("backend: { name: synthetic }\n").run();
        assertEquals(20, defaults.busyThresholdPercent());
        assertFalse(defaults.trace(), "off by default");
        ConfigurationSpec c = parse("backend: { name: synthetic }\nrun: { busy-threshold: 35%, trace: true }\n");
        assertEquals(35, c.run().busyThresholdPercent());
        assertTrue(c.run().trace());
        assertEquals("true", c.settings().get("run.trace"));
        assertEquals("35.0%", c.settings().get("run.busy-threshold"));
        Problem p = problem("backend: { name: synthetic }\nrun: { busy-threshold: 150% }\n");
        assertEquals("run.busy-threshold", p.path());
        Problem t = problem("backend: { name: synthetic }\nrun: { trace: maybe }\n");
        assertEquals("run.trace", t.path());
    }

    @Test
    void cpuListsParseAndFormat() {
        assertEquals(Optional.of(new TreeSet<>(List.of(0, 2, 3, 4))), CpuList.parse("0,2-4"));
        assertEquals("0,2-4", CpuList.format(new TreeSet<>(List.of(4, 3, 2, 0))));
        assertTrue(CpuList.parse("3-1").isEmpty());
        assertTrue(CpuList.parse("").isEmpty());
        assertTrue(CpuList.online().contains(0));
    }
}
