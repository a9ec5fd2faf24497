package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which result documents {@link ResultJson} reads, and how a schema-1 document becomes the current records. */
class ResultJsonSchemaTest {
    /** Three configurations as schema 1 wrote them: flat, the typed values only in the display settings. */
    private static final String V1 = """
            {
              "schema" : "inferbench.run/1",
              "runId" : "r1",
              "configurations" : [ {
                "id" : "c01", "label" : "precision=fp32", "axes" : { "precision" : "fp32" },
                "backend" : "onnxruntime", "device" : "cpu", "load" : "single-stream",
                "settings" : { "model" : "maven:g:a:1!m.onnx", "inputs.batch-size" : "2", "inputs.samples" : "64",
                               "inputs.seed" : "42", "inputs.sequence-length" : "128",
                               "inputs.source" : "random(seed=42)", "baseline" : "int8" },
                "model" : { "name" : "m", "source" : "maven:g:a:1!m.onnx", "path" : "/m.onnx", "format" : "onnx",
                            "sizeBytes" : 10, "sha256" : "" },
                "status" : "OK", "error" : null, "verdict" : { "valid" : false, "reasons" : [ "too short" ] },
                "inputs" : [ { "name" : "input_ids", "dtype" : "int64", "shape" : [ 2, 128 ] } ],
                "outputs" : [ ], "sessionProperties" : { "threads" : "4" }, "loadTimeMs" : 12.5,
                "warmup" : null, "measurement" : null, "forks" : [ ], "variation" : null, "peak" : null,
                "utilization" : null, "coldStart" : null
              }, {
                "id" : "c02", "label" : "gpu", "settings" : { }, "status" : "SKIPPED", "error" : "skipped: no GPU found"
              }, {
                "id" : "c03", "label" : "broken", "status" : "FAILED", "error" : "out of memory",
                "verdict" : { "valid" : false, "reasons" : [ "aborted" ] }
              } ],
              "comparisons" : [ ],
              "recommendation" : { "bestId" : null, "reason" : "nothing valid", "objective" : "lowest p99 latency" }
            }
            """;

    @Test
    void aSchemaOneDocumentReadsIntoTheTypedRecords() throws IOException {
        RunResult run = ResultJson.fromJson(V1);
        assertEquals(RunResult.SCHEMA, run.schema(), "upgraded on reading");
        ConfigurationResult ok = run.configurations().get(0);
        assertEquals("maven:g:a:1!m.onnx", ok.setup().model().declared());
        assertEquals(new InputFeed("random(seed=42)", 2, 128, 64, 42), ok.setup().feed());
        assertEquals("int8", ok.setup().baseline());
        assertEquals("maven:g:a:1!m.onnx", ok.setup().settings().get("model"), "the display map is kept as it was");
        assertEquals(new ConfigurationOutcome.Ok(Verdict.of(List.of("too short"))), ok.outcome());
        assertEquals(List.of(new TensorInfo("input_ids", "int64", List.of(2L, 128L))), ok.session().inputs());
        assertEquals(Map.of("threads", "4"), ok.session().properties());
        assertEquals(12.5, ok.resources().loadTimeMs());
        assertEquals(PhasesResult.NONE, ok.phases());

        ConfigurationResult skipped = run.configurations().get(1);
        assertEquals(new ConfigurationOutcome.Skipped("skipped: no GPU found"), skipped.outcome());
        assertNull(skipped.setup().feed(), "no inputs.* settings: no feed");
        assertEquals(new ConfigurationOutcome.Failed("out of memory"), run.configurations().get(2).outcome());

        assertEquals("nothing valid", run.summary().recommendation().reason(), "the analysis moves to the summary");
        assertTrue(run.summary().comparisons().isEmpty() && run.summary().agreements().isEmpty());
    }

    @Test
    void theCurrentSchemaRoundTripsEveryOutcome() throws IOException {
        ConfigurationSetup setup = new ConfigurationSetup("c01", "a", Map.of("x", "1"), "b", "cpu", "single-stream",
                new ModelInfo("m", "m.onnx", "/m.onnx", "onnx", 1, "", null, "m.onnx"),
                new InputFeed("text:s.txt", 1, 64, 8, 7), "0", Map.of("model", "m.onnx"));
        List<ConfigurationResult> configs = List.of(
                new ConfigurationResult(setup, null, new ConfigurationOutcome.Ok(Verdict.of(List.of())), null, null,
                        null),
                ConfigurationResult.notMeasured(setup, SessionInfo.NONE, ConfigurationStatus.SKIPPED, "no GPU",
                        List.of()),
                ConfigurationResult.notMeasured(setup, SessionInfo.NONE, ConfigurationStatus.FAILED, "boom",
                        List.of()),
                new ConfigurationResult(setup, null, null, null, null, null));
        RunResult run = new RunResult(RunResult.SCHEMA, "r2", Instant.parse("2026-01-01T00:00:00Z"), null, null, null,
                configs, null);
        RunResult read = ResultJson.fromJson(ResultJson.toJson(run));
        assertEquals(run, read);
        assertInstanceOf(ConfigurationOutcome.Skipped.class, read.configurations().get(1).outcome());
        assertEquals(ConfigurationStatus.FAILED, read.configurations().get(2).status());
        assertNull(read.configurations().get(3).status(), "an outcome not recorded stays unknown");
        assertTrue(ResultJson.toJson(run).contains("\"status\" : \"SKIPPED\""), "outcomes are tagged by status");
    }

    @Test
    void aNewerSchemaIsRefusedInOneLine() {
        IOException e = assertThrows(IOException.class,
                () -> ResultJson.fromJson("{ \"schema\" : \"inferbench.run/3\", \"configurations\" : [ ] }"));
        assertTrue(e.getMessage().contains("result schema inferbench.run/3 is not one this InferBench reads "
                + "(inferbench.run/1, inferbench.run/2)"), e.getMessage());
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void aDocumentThatIsNoResultIsRefused() {
        IOException e = assertThrows(IOException.class, () -> ResultJson.fromJson("{ \"name\" : \"x\" }"));
        assertEquals("result: not an InferBench result (schema null)", e.getMessage());
    }
}
