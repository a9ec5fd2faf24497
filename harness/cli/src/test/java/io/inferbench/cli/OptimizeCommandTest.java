package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inferbench optimize} on the real MiniLM, and its one-line errors (exit 2). */
class OptimizeCommandTest {
    @TempDir
    static Path dir;
    static Path miniLm;

    @BeforeAll
    static void extractModel() throws Exception {
        miniLm = dir.resolve("all-minilm-l6-v2.onnx");
        try (InputStream in = OptimizeCommandTest.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            Files.copy(in, miniLm, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void quantizesMiniLmAndPrintsSizesAndNodes() throws Exception {
        Path out = dir.resolve("int8.onnx");
        CliRun run = CliRun.of("optimize", miniLm.toString(), "--quantize", "dynamic-int8", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("quantize (mode=dynamic-int8"), run.out());
        assertTrue(run.out().contains("39 node(s) changed"), run.out());
        assertTrue(run.out().contains("changed /encoder/layer.0/attention/self/query/MatMul (MatMul)"), run.out());
        assertTrue(run.out().contains("left alone /encoder/layer.0/attention/self/MatMul (MatMul): input"), run.out());
        assertTrue(run.out().contains("all-minilm-l6-v2.onnx: 90.39 MB -> "), run.out());
        assertTrue(Files.size(out) < Files.size(miniLm) / 3);
    }

    @Test
    void prunesThenConvertsToFp16() {
        Path out = dir.resolve("fp16.onnx");
        CliRun run = CliRun.of("optimize", miniLm.toString(), "--prune", "0.25", "--fp16", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("achieved sparsity 0.2500"), run.out());
        assertTrue(run.out().contains("fp16 (keep-io-types=true)"), run.out());
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "not a model\n");
        assertBadInput("model file not found: missing.onnx", "optimize", "missing.onnx", "--fp16", "-o", "x.onnx");
        assertBadInput("not an ONNX model", "optimize", text.toString(), "--fp16", "-o", dir.resolve("y.onnx").toString());
        assertBadInput("prune.sparsity: expected a fraction in [0, 1), got 1.5", "optimize", miniLm.toString(),
                "--prune", "1.5", "-o", dir.resolve("z.onnx").toString());
        assertBadInput("--quantize static-int8: needs calibration data", "optimize", miniLm.toString(),
                "--quantize", "static-int8", "-o", dir.resolve("z.onnx").toString());
        assertBadInput("quantize.mode: expected one of [dynamic-int8, static-int8], got 'int4'", "optimize",
                miniLm.toString(), "--quantize", "int4", "-o", dir.resolve("z.onnx").toString());
        assertBadInput("no step: give at least one of", "optimize", miniLm.toString(), "-o",
                dir.resolve("z.onnx").toString());
    }

    private static void assertBadInput(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    }
}
