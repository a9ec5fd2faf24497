package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inferbench convert} on real models from Maven Central, through the installed converter. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    private Path model(String entry) throws Exception {
        Path p = dir.resolve(entry);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(entry)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void convertsTheFp32EncoderToASavedModel() throws Exception {
        Path out = dir.resolve("minilm-savedmodel");
        CliRun r = CliRun.of("convert", model("all-minilm-l6-v2.onnx").toString(), "--to", "savedmodel", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isRegularFile(out.resolve("saved_model.pb")), "a SavedModel was written");
        assertTrue(r.out().contains("MatMul x"), r.out());
    }

    @Test
    void aModelWithAnOperatorTheConverterLacksIsRejectedNamingIt() throws Exception {
        CliRun r = CliRun.of("convert", UnsupportedOnnx.lpNormalization(dir).toString(), "--to", "savedmodel",
                dir.resolve("lp").toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("LpNormalization"), r.err());
        assertTrue(r.err().contains("first at node"), r.err());
        assertTrue(!Files.exists(dir.resolve("lp")), "nothing half-written is left behind");
    }

    @Test
    void theInt8EncoderConvertsWithItsQuantizationOperators() throws Exception {
        Path out = dir.resolve("q");
        CliRun r = CliRun.of("convert", model("all-minilm-l6-v2-q.onnx").toString(), "--to", "savedmodel",
                out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("MatMulInteger x 36") && r.out().contains("DynamicQuantizeLinear x 24"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("saved_model.pb")), "a SavedModel was written");
    }

    @Test
    void badArgumentsAreExit2() throws Exception {
        assertEquals(2, CliRun.of("convert", dir.resolve("none.onnx").toString(), "--to", "savedmodel",
                dir.resolve("o").toString()).exitCode());
        CliRun unknown = CliRun.of("convert", model("all-minilm-l6-v2-q.onnx").toString(), "--to", "tflite",
                dir.resolve("o2").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown format 'tflite'"), unknown.err());
    }
}
