package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bounded work on any input: the scenario file and each string in it are bounded, a matrix is
 * counted before it is expanded, and durations and counts have maxima, each refused in one line
 * naming the field and the allowed range.
 */
class ScenarioLimitsTest {
    private static final String FILE = "limits.yaml";
    /** Far longer than anything a bounded check needs, far shorter than expanding a million configurations. */
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ScenarioParser parser = TestBackends.parser();

    private static final String SYNTHETIC = "backend: { name: synthetic }\n";

    private Problem single(ScenarioParser p, String yaml) {
        List<Problem> ps = assertThrows(ScenarioException.class, () -> p.parse(Path.of(FILE), dir, yaml),
                "expected the scenario to be rejected").problems();
        assertEquals(1, ps.size(), () -> "expected one problem, got:\n"
                + ps.stream().map(Problem::format).collect(Collectors.joining("\n")));
        return ps.get(0);
    }

    private Problem single(String yaml) {
        return single(parser, yaml);
    }

    private static void assertMessage(Problem p, String path, String... parts) {
        assertEquals(path, p.path(), p.format());
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> p.format() + "\n  should contain <" + part + ">");
        }
        assertTrue(!p.format().contains("\n"), "one line: " + p.format());
    }

    @Test
    void aMillionConfigurationsAreCountedNotExpanded() {
        // 100 x 100 x 100: refused in well under the 53 s and 6.5 GB its expansion took.
        String values = IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String yaml = SYNTHETIC + "matrix:\n"
                + "  a: { set: backend.options.latency-ms, values: [" + values + "] }\n"
                + "  b: { set: backend.options.jitter-ms, values: [" + values + "] }\n"
                + "  c: { set: backend.options.seed, values: [" + values + "] }\n";
        Problem p = assertTimeoutPreemptively(QUICK, () -> single(yaml));
        assertMessage(p, "matrix", "1000000 configurations", "a (100) x b (100) x c (100)", "10000 allowed",
                "--max-configurations");
    }

    @Test
    void loadStepsCountTowardsTheBound() {
        String steps = IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String yaml = SYNTHETIC + "load: { profile: concurrency, concurrency: [" + steps + "] }\n"
                + "matrix:\n  a: { set: backend.options.latency-ms, values: [1, 2, 3, 4] }\n";
        Problem p = single(parser.withMaxConfigurations(100), yaml);
        assertMessage(p, "load", "120 configurations", "100 allowed");
    }

    @Test
    void theBoundCanBeRaised() throws ScenarioException {
        String values = IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String yaml = SYNTHETIC + "matrix:\n  a: { set: backend.options.latency-ms, values: [" + values + "] }\n";
        single(parser.withMaxConfigurations(29), yaml);
        assertEquals(30, parser.withMaxConfigurations(30).parse(Path.of(FILE), dir, yaml).configurations().size());
    }

    @Test
    void aVeryLongStringIsRefusedQuickly() {
        String yaml = SYNTHETIC + "description: " + "x".repeat(ScenarioLimits.MAX_STRING_LENGTH + 1) + "\n";
        Problem p = assertTimeoutPreemptively(QUICK, () -> single(yaml));
        assertMessage(p, "description", (ScenarioLimits.MAX_STRING_LENGTH + 1) + " characters",
                ScenarioLimits.MAX_STRING_LENGTH + " allowed");
        assertEquals(2, p.line());
    }

    @Test
    void aScenarioFileLargerThanTheBoundIsNotRead() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, SYNTHETIC + "# " + "x".repeat((int) ScenarioLimits.MAX_FILE_BYTES) + "\n");
        List<Problem> ps = assertThrows(ScenarioException.class, () -> parser.parse(big)).problems();
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message().contains("more than the 1 MiB allowed"), ps.get(0).format());
    }

    @Test
    void textLongerThanTheBoundIsRefusedBeforeParsing() {
        String yaml = SYNTHETIC + "# " + "x".repeat((int) ScenarioLimits.MAX_FILE_BYTES) + "\n";
        Problem p = assertTimeoutPreemptively(QUICK, () -> single(yaml));
        assertTrue(p.message().contains("allowed"), p.format());
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = SYNTHETIC + "description: " + "[".repeat(ScenarioLimits.MAX_NESTING_DEPTH + 10)
                + "]".repeat(ScenarioLimits.MAX_NESTING_DEPTH + 10) + "\n";
        Problem p = assertTimeoutPreemptively(QUICK, () -> single(yaml));
        assertTrue(p.message().contains("invalid YAML") && p.message().toLowerCase().contains("nesting"), p.format());
    }

    @Test
    void aFifoIsNotOpened() throws Exception {
        Path fifo = dir.resolve("scenario.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available");
        Path link = dir.resolve("link.yaml");
        Files.createSymbolicLink(link, fifo);
        for (Path p : List.of(fifo, link)) {
            List<Problem> ps = assertTimeoutPreemptively(QUICK, () -> assertThrows(ScenarioException.class,
                    () -> parser.parse(p)).problems());
            assertTrue(ps.get(0).message().contains("device, FIFO or socket"), ps.get(0).format());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "run.warmup | run: { warmup: 10000h } | expected a duration of at most 24h",
            "run.warmup.duration | run: { warmup: { duration: 9999999999999999999h } } | expected a duration of at most 24h",
            "run.warmup | run: { warmup: 100000000000 } | expected an integer between 0 and 100000000",
            "run.min-duration | run: { min-duration: 3000000h } | expected a duration of at most 24h",
            "run.max-duration | run: { max-duration: 25h } | expected a duration of at most 24h",
            "run.min-queries | run: { min-queries: 9223372036854775807 } | expected an integer between 1 and 100000000",
            "run.timeout | run: { timeout: 169h } | expected a duration of at most 168h",
            "run.forks | run: { forks: 101 } | expected an integer between 0 and 100",
            "load.concurrency | load: { profile: concurrency, concurrency: 20000 } | between 1 and 4096",
            "load.workers | load: { profile: offline, workers: 20000 } | between 1 and 4096",
            "load.slo | load: { profile: peak-search, slo: 2h, percentile: 99 } | at most 1h",
            "inputs.batch-size | inputs: { batch-size: 1000000 } | between 1 and 65536",
            "inputs.samples | inputs: { samples: 2000000000 } | between 1 and 1048576",
    })
    void absurdNumbersAreRefusedWithTheirRange(String path, String yaml, String expected) {
        Problem p = single(SYNTHETIC + yaml + "\n");
        assertMessage(p, path, expected);
    }
}
