package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 through the command line: validate promises only what run keeps, no input hangs,
 * plans are bounded and announced, output folders are checked before measuring, every command
 * that reads results refuses a malformed one in one line, and exit codes mean what the README says.
 */
class HardeningTest {
    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Exit {@code code}, a one-line reason containing {@code expected} on stderr, no stack trace. */
    private static void assertRefused(CliRun r, int code, String expected) {
        assertEquals(code, r.exitCode(), r.toString());
        assertTrue(r.err().contains(expected), () -> "stderr should contain <" + expected + ">\n" + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), "no stack trace, no exception name: "
                + r);
    }

    // --- 8. unknown commands are errors naming the command

    @Test
    void anUnknownCommandIsAnErrorNamingIt() {
        CliRun r = CliRun.of("runn", "x.yaml");
        assertRefused(r, 2, "unknown command 'runn'. Did you mean 'run'?");
        assertFalse(r.err().contains("inferbench inferbench"), r.err());
    }

    @Test
    void anUnknownCommandWithHelpIsStillAnError() {
        CliRun r = CliRun.of("nosuch", "--help");
        assertRefused(r, 2, "unknown command 'nosuch'");
        assertFalse(r.out().contains("Usage:"), "no main help: " + r.out());
    }

    @Test
    void aBadOptionNamesItsCommandOnce() {
        assertRefused(CliRun.of("run", "--bogus"), 2, "Try 'inferbench run --help'.");
        CliRun top = CliRun.of("--bogus");
        assertRefused(top, 2, "Try 'inferbench --help'.");
        assertFalse(top.err().contains("inferbench inferbench"), top.err());
    }

    // --- 1. validate promises only what run keeps

    @Test
    void validateRefusesOptionsTheBackendRefusesWhenOpening() throws Exception {
        // Each in range alone; together refused by the synthetic backend when the session opens.
        Path s = write("jitter.yaml", "backend: { name: synthetic, options: { latency-ms: 1, jitter-ms: 5, "
                + "distribution: uniform } }\n");
        assertRefused(CliRun.of("validate", s.toString()), 2, "c01 jitter: synthetic refuses these options:");
    }

    @Test
    void validateRefusesAnOptionBeyondTheBackendsDeclaredRange() throws Exception {
        Path s = write("latency.yaml", "backend: { name: synthetic, options: { latency-ms: 1e12 } }\n");
        assertRefused(CliRun.of("validate", s.toString()), 2, "backend.options.latency-ms: expected a number >= 0.0 "
                + "and <= 3600000.0");
    }

    @Test
    void validateRefusesAFileThatIsNotAModel() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(dir.resolve("corrupt.onnx"), junk);
        Path s = write("corrupt.yaml", "model: { path: corrupt.onnx }\nbackend: { name: onnxruntime }\n");
        assertRefused(CliRun.of("validate", s.toString()), 2, "onnxruntime cannot open");
    }

    @Test
    void aModelPathReachingAFifoIsRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("model.onnx");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        Files.createSymbolicLink(dir.resolve("link.onnx"), fifo);
        for (String model : List.of("model.onnx", "link.onnx")) {
            Path s = write("fifo.yaml", "model: { path: " + model + " }\nbackend: { name: onnxruntime }\n");
            CliRun r = assertTimeoutPreemptively(QUICK, () -> CliRun.of("validate", s.toString()));
            assertRefused(r, 2, "is not a regular file but a device, FIFO or socket");
        }
    }

    @Test
    void aMalformedAccuracyDatasetIsBadInputNamingItsLine() throws Exception {
        write("bad.tsv", "# class<TAB>values\n0\t1 2 3\none\t1 2 3\n");
        Path s = write("dataset.yaml", """
                backend: { name: synthetic }
                accuracy:
                  tasks:
                    - { name: digits, evaluator: classification, dataset: bad.tsv }
                """);
        assertRefused(CliRun.of("validate", s.toString()), 2, "accuracy.tasks[0].dataset: task 'digits': ");
        assertRefused(CliRun.of("validate", s.toString()), 2, "bad.tsv:3: expected a class index");
    }

    @Test
    void aFailedAccuracyTaskMakesRunExit1() throws Exception {
        Path s = write("failing-task.yaml", """
                backend: { name: synthetic }
                run: { warmup: 2, min-duration: 100ms, min-queries: 5 }
                accuracy:
                  tasks:
                    - { name: broken, evaluator: process }
                """);
        Path out = dir.resolve("out");
        System.setProperty(ProcessEvaluator.FAIL_PROPERTY, "true");
        CliRun r;
        try {
            r = CliRun.of("run", s.toString(), "--out", out.toString(), "--in-process", "--no-report");
        } finally {
            System.clearProperty(ProcessEvaluator.FAIL_PROPERTY);
        }
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("1 accuracy task failed:") && r.out().contains("task broken: "), r.out());
        RunResult result = ResultJson.read(only(out).resolve("result.json"));
        assertEquals(AccuracyResult.Status.FAILED, result.configurations().get(0).accuracy().get(0).status());
    }

    // --- 3. bounded, announced plans

    @Test
    void aLargeMatrixIsRefusedUnlessTheBoundIsRaised() throws Exception {
        Path s = write("wide.yaml", """
                backend: { name: synthetic }
                run: { warmup: 1s, min-duration: 2s, max-duration: 4s }
                matrix:
                  a: { set: backend.options.latency-ms, values: [1, 2, 3, 4, 5] }
                  b: { set: backend.options.seed, values: [1, 2, 3, 4, 5] }
                """);
        assertRefused(CliRun.of("validate", s.toString(), "--max-configurations", "20"), 2,
                "the matrix expands to 25 configurations (a (5) x b (5)), more than the 20 allowed");
        assertRefused(CliRun.of("run", s.toString(), "--max-configurations", "20", "--out", dir.toString()), 2,
                "more than the 20 allowed");
        CliRun ok = CliRun.of("validate", s.toString(), "--max-configurations", "25");
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.out().contains("planned: 25 configurations, measuring for at least 1m 15s (at most 2m 5s)"),
                ok.out());
        assertRefused(CliRun.of("validate", s.toString(), "--max-configurations", "0"), 2,
                "--max-configurations: expected an integer >= 1, got 0");
    }

    // --- 8. an output folder that cannot be made fails before measuring

    @Test
    void anOutputFolderUnderAFileIsExit2BeforeMeasuring() throws Exception {
        Path file = write("plain-file", "x");
        Path s = write("slow.yaml", "backend: { name: synthetic }\nrun: { warmup: 1h, min-duration: 1h, max-duration: 2h }\n");
        CliRun r = assertTimeoutPreemptively(QUICK, () -> CliRun.of("run", s.toString(), "--out",
                file.resolve("results").toString(), "--in-process"));
        assertRefused(r, 2, "--out " + file.resolve("results") + ": cannot create the folder");
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anOutputFolderNameTooLongIsExit2BeforeMeasuring() throws Exception {
        Path s = write("slow.yaml", "backend: { name: synthetic }\nrun: { warmup: 1h, min-duration: 1h, max-duration: 2h }\n");
        CliRun r = assertTimeoutPreemptively(QUICK, () -> CliRun.of("run", s.toString(), "--out",
                dir.resolve("n".repeat(300)).toString(), "--in-process"));
        assertRefused(r, 2, "cannot create the folder");
    }

    @Test
    void twoRunsOfOneScenarioInOneSecondGetTwoFolders() throws Exception {
        Path s = write("twice.yaml", "backend: { name: synthetic }\nrun: { warmup: 1, min-duration: 50ms, "
                + "min-queries: 3 }\n");
        Path out = dir.resolve("out");
        CliRun first = CliRun.of("run", s.toString(), "--out", out.toString(), "--in-process", "--no-report");
        CliRun second = CliRun.of("run", s.toString(), "--out", out.toString(), "--in-process", "--no-report");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, second.exitCode(), second.toString());
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> folders = runs.sorted().toList();
            // Almost always in one second; either way each run has a folder, and its own result.
            assertEquals(2, folders.size(), folders::toString);
            for (Path f : folders) {
                assertEquals(f.getFileName().toString(), ResultJson.read(f.resolve("result.json")).runId());
            }
        }
    }

    // --- 6. every command that reads results refuses a malformed one in one line

    @ParameterizedTest
    @ValueSource(strings = {"null", "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : [ null ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : [ { \"setup\" : { } } ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : ", "[ ]"})
    void everyCommandReadingResultsRefusesAMalformedOne(String json) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path result = Files.writeString(run.resolve("result.json"), json);
        List<List<String>> commands = List.of(
                List.of("report", result.toString(), "--out", dir.resolve("r.html").toString()),
                List.of("export", result.toString(), "--format", "csv"),
                List.of("gate", run.toString(), "--baseline", run.toString()),
                List.of("merge", run.toString(), "--out", dir.resolve("merged").toString()));
        for (List<String> c : commands) {
            CliRun r = CliRun.of(c.toArray(String[]::new));
            assertRefused(r, 2, result.toString());
            assertEquals(1, r.err().lines().count(), () -> c + " should say it in one line:\n" + r);
        }
    }

    @Test
    void aCorruptHistogramIsBadInputNamingTheResult() throws Exception {
        Path s = write("histo.yaml", "backend: { name: synthetic }\nrun: { warmup: 1, min-duration: 50ms, "
                + "min-queries: 3 }\n");
        Path out = dir.resolve("histo");
        assertEquals(0, CliRun.of("run", s.toString(), "--out", out.toString(), "--in-process", "--no-report")
                .exitCode());
        Path result = only(out).resolve("result.json");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper().readTree(result.toFile());
        var measurement = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("configurations").get(0)
                .get("phases").get("measurement");
        measurement.put("histogram", "SGVsbG8sIHdvcmxkIQ=="); // valid base64, not a histogram
        ResultJson.mapper().writeValue(result.toFile(), tree);
        CliRun r = CliRun.of("report", result.toString(), "--out", dir.resolve("h.html").toString());
        assertRefused(r, 2, result.toString());
        assertTrue(r.err().contains("corrupt histogram"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    private static Path only(Path out) throws Exception {
        try (Stream<Path> l = Files.list(out)) {
            return l.findFirst().orElseThrow();
        }
    }
}
