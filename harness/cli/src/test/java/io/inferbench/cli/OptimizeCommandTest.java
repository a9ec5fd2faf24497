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
    void quantizesStaticInt8OnCalibrationSamplesFromAFile() throws Exception {
        Path samples = dir.resolve("calibration.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int s = 0; s < 6; s++) {
            StringBuilder ids = new StringBuilder("101");
            StringBuilder ones = new StringBuilder("1");
            StringBuilder zeros = new StringBuilder("0");
            for (int t = 1; t < 15; t++) {
                ids.append(", ").append(t == 14 ? 102 : 1000 + (s * 7919 + t * 613) % 28000);
                ones.append(", 1");
                zeros.append(", 0");
            }
            lines.append("{\"input_ids\": [[").append(ids).append("]], \"attention_mask\": [[").append(ones)
                    .append("]], \"token_type_ids\": [[").append(zeros).append("]]}\n");
        }
        Files.writeString(samples, lines);
        Path out = dir.resolve("static-int8.onnx");
        CliRun run = CliRun.of("optimize", miniLm.toString(), "--quantize", "static-int8", "--calibration",
                samples.toString(), "--calibration-samples", "4", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("quantize (mode=static-int8"), run.out());
        assertTrue(run.out().contains("36 node(s) changed"), run.out());
        assertTrue(run.out().contains("QuantizeLinear/DequantizeLinear on the activation (uint8, minmax range)"),
                run.out());
        assertTrue(Files.size(out) < Files.size(miniLm) * 0.7, "int8 MatMul weights: " + Files.size(out));
        assertTrue(Files.notExists(dir.resolve("static-int8.onnx.calibration.onnx")), "the calibration model is gone");

        Path wrong = Files.writeString(dir.resolve("wrong.jsonl"), "{\"x\": [[1, 2]]}\n");
        assertBadInput("missing input(s) [attention_mask, input_ids, token_type_ids]", "optimize", miniLm.toString(),
                "--quantize", "static-int8", "--calibration", wrong.toString(), "-o", dir.resolve("w.onnx").toString());
    }

    @Test
    void graphOptimizeSavesOnnxRuntimesOptimizedModelAfterTheJavaSteps() throws Exception {
        Path out = dir.resolve("int8-extended.onnx");
        CliRun run = CliRun.of("optimize", miniLm.toString(), "--quantize", "dynamic-int8", "--graph-optimize",
                "extended", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("quantize (mode=dynamic-int8"), run.out());
        assertTrue(run.out().matches("(?s).*graph-optimize \\(level=extended\\): .* \\d+ -> \\d+ nodes.*"), run.out());
        assertTrue(Files.size(out) < Files.size(miniLm) / 3);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".optimize-")).count(),
                    "the intermediate model is removed");
        }
        assertBadInput("graph-optimize.level: expected one of [basic, extended, all], got 'max'", "optimize",
                miniLm.toString(), "--graph-optimize", "max", "-o", dir.resolve("g.onnx").toString());
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
        assertBadInput("--calibration: only static-int8 takes calibration samples", "optimize", miniLm.toString(),
                "--quantize", "dynamic-int8", "--calibration", text.toString(), "-o", dir.resolve("z.onnx").toString());
        assertBadInput("--calibration: no such file: nowhere.jsonl", "optimize", miniLm.toString(),
                "--quantize", "static-int8", "--calibration", "nowhere.jsonl", "-o", dir.resolve("z.onnx").toString());
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
