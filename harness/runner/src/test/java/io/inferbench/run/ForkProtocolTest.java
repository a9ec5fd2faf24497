package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.Phase;
import io.inferbench.load.ProgressListener;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parent–child protocol: request files, event lines, and the child entry point run in this JVM. */
class ForkProtocolTest {
    @TempDir
    Path dir;

    @Test
    void eventsSurviveTheLineRoundTripIncludingNaN() {
        var progress = new ProgressListener.Progress(Phase.MEASUREMENT, 1.5, 120, 2, 80.5, Double.NaN);
        String line = ForkEvent.progress(progress).toLine();
        assertTrue(line.startsWith(ForkEvent.MARKER) && !line.contains("\n"), line);
        assertEquals(progress, ForkEvent.parse(line).orElseThrow().progress());
        assertEquals("loading model", ForkEvent.parse(ForkEvent.step("loading model").toLine()).orElseThrow().step());
    }

    @Test
    void otherLinesOnStdoutAreNotEvents() {
        assertTrue(ForkEvent.parse("SLF4J: no binding").isEmpty());
        assertTrue(ForkEvent.parse(ForkEvent.MARKER + "{not json").isEmpty());
        assertTrue(ForkEvent.parse(ForkEvent.MARKER + "{}").isEmpty());
        assertTrue(ForkEvent.parse(" " + ForkEvent.step("x").toLine()).isEmpty());
    }

    @Test
    void requestRoundTrips() throws Exception {
        ForkRequest r = new ForkRequest("scenarios/q.yaml", dir, "name: q\n", "c02", "threads=2", 2, 3,
                dir.resolve("forks/c02-fork2.result.json"), Duration.ofMillis(250), true);
        Path file = dir.resolve("request.json");
        r.write(file);
        assertEquals(r, ForkRequest.read(file));
    }

    @Test
    void requestRejectsAForkOutOfRange() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ForkRequest(
                "s.yaml", dir, "", "c01", "s", 3, 2, dir.resolve("r.json"), Duration.ofSeconds(1), false));
        assertTrue(e.getMessage().startsWith("fork: expected 1..2, got 3"), e.getMessage());
    }

    @Test
    void theDefaultJvmIsThisOneWithAHeapAndTheHarnessProperties() {
        ForkJvm jvm = ForkJvm.current();
        assertTrue(jvm.jvmArgs().contains(ForkJvm.DEFAULT_HEAP), jvm.toString());
        assertTrue(jvm.jvmArgs().contains(ForkJvm.THREAD_STACK), jvm.toString());
        assertFalse(jvm.classpath().isEmpty());
        var cmd = jvm.withJvmArgs("-Xmx64m").command(java.util.List.of("-Dx=1"), "Main", "a");
        assertEquals(jvm.java().toString(), cmd.get(0));
        assertTrue(cmd.indexOf("-Xmx64m") > cmd.indexOf(ForkJvm.DEFAULT_HEAP), "a later -Xmx wins: " + cmd);
        assertEquals(java.util.List.of("-Dx=1", "-cp", String.join(java.io.File.pathSeparator, jvm.classpath()),
                "Main", "a"), cmd.subList(cmd.size() - 5, cmd.size()));
        assertEquals(Runtime.version().feature() >= 22, jvm.jvmArgs().contains("--enable-native-access=ALL-UNNAMED"));
    }

    @Test
    void theChildEntryWritesTheResultAndStreamsEventsOnly() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        String source = """
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 5, min-duration: 200ms, min-queries: 20 }
                """;
        Files.writeString(scenario, source);
        Path result = dir.resolve("forks/c01-fork1.result.json");
        Path request = dir.resolve("request.json");
        new ForkRequest(scenario.toString(), dir, source, "c01", "s", 1, 1, result, Duration.ofMillis(100), false)
                .write(request);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit = ForkMain.run(request, new PrintStream(stdout, true, StandardCharsets.UTF_8));

        assertEquals(0, exit);
        ConfigurationResult r = ResultJson.mapper().readValue(result.toFile(), ConfigurationResult.class);
        assertEquals(ConfigurationStatus.OK, r.status(), r.outcome().reason());
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().allMatch(l -> ForkEvent.parse(l).isPresent()), "only protocol lines: " + lines);
        assertTrue(lines.stream().anyMatch(l -> "loading model".equals(ForkEvent.parse(l).get().step())),
                lines::toString);
    }

    @Test
    void theChildRefusesAConfigurationThatIsNotTheOneAskedFor() throws Exception {
        String source = "backend: { name: synthetic }\n";
        Path request = dir.resolve("request.json");
        new ForkRequest("s.yaml", dir, source, "c01", "another label", 1, 1, dir.resolve("r.json"),
                Duration.ofSeconds(1), false).write(request);
        assertEquals(ForkMain.EXIT_BAD_REQUEST, ForkMain.run(request, new PrintStream(new ByteArrayOutputStream())));
        assertFalse(Files.exists(dir.resolve("r.json")));
    }
}
