package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run.forks} through the CLI: fresh JVMs by default, none with {@code --in-process}. */
class ForkOptionsTest {
    @TempDir
    Path dir;

    private ConfigurationResult runOnce(Path out, String... extra) throws Exception {
        Path s = dir.resolve("forked.yaml");
        Files.writeString(s, """
                name: forked
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 2, warmup: 5, min-duration: 200ms, min-queries: 20 }
                """);
        String[] args = Stream.concat(Stream.of("run", s.toString(), "--out", out.toString(), "--no-report"),
                Stream.of(extra)).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.toString());
        return ResultJson.read(runDir(out).resolve("result.json")).configurations().get(0);
    }

    private static Path runDir(Path out) throws Exception {
        try (Stream<Path> runs = Files.list(out)) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void inProcessRunsOnceWithoutForking() throws Exception {
        Path out = dir.resolve("in-process");
        ConfigurationResult c = runOnce(out, "--in-process");
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        assertTrue(c.phases().forks().isEmpty(), "measured once, in this JVM");
        assertNull(c.phases().variation());
        assertTrue(Files.notExists(runDir(out).resolve("logs")), "no child JVM started");
    }

    @Test
    void forksRunInFreshJvms() throws Exception {
        Path out = dir.resolve("forked");
        ConfigurationResult c = runOnce(out);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        assertEquals(2, c.phases().forks().size());
        assertNotNull(c.phases().variation());
        assertEquals(c.phases().forks().get(0).queries() + c.phases().forks().get(1).queries(),
                c.measurement().queries());
        assertTrue(Files.exists(runDir(out).resolve("logs/c01-fork1.stderr.log")));
        assertTrue(Files.exists(runDir(out).resolve("logs/c01-fork2.stderr.log")));
    }

    /** Accuracy mode runs once per configuration, in the first fork's JVM (the one holding the model), not in this one. */
    @Test
    void accuracyIsEvaluatedOnceInTheFirstFork() throws Exception {
        Path s = dir.resolve("accuracy.yaml");
        Files.writeString(s, """
                name: forked-accuracy
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 2, warmup: 5, min-duration: 200ms, min-queries: 20 }
                accuracy:
                  tasks: [{ evaluator: process }]
                """);
        Path out = dir.resolve("accuracy");
        CliRun r = CliRun.of("run", s.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.toString());
        Path run = runDir(out);
        ConfigurationResult c = ResultJson.read(run.resolve("result.json")).configurations().get(0);
        assertEquals(1, c.accuracy().size(), c.accuracy().toString());
        String notes = c.accuracy().get(0).main().notes();
        assertTrue(notes.startsWith("pid "), notes);
        assertTrue(!notes.startsWith("pid " + ProcessHandle.current().pid() + " "), "ran in a child JVM, not here");
        ConfigurationResult first = ResultJson.mapper().readValue(run.resolve("forks/c01-fork1.result.json").toFile(),
                ConfigurationResult.class);
        ConfigurationResult second = ResultJson.mapper().readValue(run.resolve("forks/c01-fork2.result.json").toFile(),
                ConfigurationResult.class);
        assertEquals(notes, first.accuracy().get(0).main().notes(), "the first fork scored it");
        assertTrue(second.accuracy().isEmpty(), "the second fork did not");
        assertTrue(r.out().contains("accuracy process: ran 100.0%"), r.out());
    }

    @Test
    void runJvmSetsTheChildsHeapFlagsAndEnvironment() throws Exception {
        Path s = dir.resolve("jvm.yaml");
        Files.writeString(s, """
                name: child-jvm
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run:
                  warmup: 5
                  min-duration: 200ms
                  min-queries: 20
                  jvm:
                    heap: 160m
                    args: [-Dinferbench.test.mark=from-args]
                    environment: { INFERBENCH_TEST_MARK: from-env }
                accuracy:
                  tasks: [{ evaluator: process }]
                """);
        Path out = dir.resolve("jvm");
        CliRun r = CliRun.of("run", s.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.toString());
        ConfigurationResult c = ResultJson.read(runDir(out).resolve("result.json")).configurations().get(0);
        String notes = c.accuracy().get(0).main().notes();
        assertTrue(notes.contains("mark-env=from-env") && notes.contains("mark-property=from-args"), notes);
        long heap = Long.parseLong(notes.replaceAll(".*max-heap-mib=(\\d+).*", "$1"));
        assertTrue(heap <= 160 && heap > 64, "the child's heap is the scenario's 160m, not the 4g default: " + notes);
        assertEquals("160m", c.setup().settings().get("run.jvm.heap"));
        assertEquals("INFERBENCH_TEST_MARK", c.setup().settings().get("run.jvm.environment"), "names, not values");
    }
}
