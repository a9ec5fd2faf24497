package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.serve.InferenceServer;
import io.inferbench.serve.ReluAbsSession;
import io.inferbench.serve.ServeSettings;
import io.inferbench.testsupport.ReluAbsModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes wrong with a server, said clearly: nothing listening, an unknown model, a missing
 * model-name, a server that stops mid-run, a full queue; and what a session records (connection and
 * protocol settings, client timings, the server's queue and compute times).
 */
class RemoteErrorsTest {
    private static InferenceServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final List<BackendProvider> PROVIDERS = List.of(new KServeV2HttpBackendProvider(),
            new KServeV2GrpcBackendProvider(), new TfServingRestBackendProvider());

    private static String url(BackendProvider p, int httpPort, int grpcPort) {
        return p instanceof KServeV2GrpcBackendProvider ? "127.0.0.1:" + grpcPort : "http://127.0.0.1:" + httpPort;
    }

    private static ModelLoadRequest request(String url, String model) {
        Map<String, Object> o = new HashMap<>();
        o.put("url", url);
        if (model != null) {
            o.put("model-name", model);
        }
        o.put("timeout", 5.0);
        return new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, o);
    }

    @Test
    void connectionRefusedNamesTheUrl() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        for (BackendProvider p : PROVIDERS) {
            String url = url(p, free, free);
            BackendException e = assertThrows(BackendException.class, () -> p.open(request(url, "relu-abs")));
            assertTrue(e.getMessage().contains(p.name()) && e.getMessage().contains("127.0.0.1:" + free), e.getMessage());
            assertTrue(e.getMessage().contains("connect") || e.getMessage().contains("UNAVAILABLE"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        }
    }

    @Test
    void anUnknownModelCarriesTheServersMessage() {
        for (BackendProvider p : PROVIDERS) {
            BackendException e = assertThrows(BackendException.class, () -> p.open(request(
                    url(p, server.httpPort(), server.grpcPort()), "no-such-model")));
            assertTrue(e.getMessage().contains("unknown model 'no-such-model'; this server serves 'relu-abs'"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("404") || e.getMessage().contains("NOT_FOUND"), e.getMessage());
        }
    }

    @Test
    void aMissingModelNameSaysWhichOption() {
        for (BackendProvider p : PROVIDERS) {
            BackendException e = assertThrows(BackendException.class, () -> p.open(request(
                    url(p, server.httpPort(), server.grpcPort()), null)));
            assertTrue(e.getMessage().contains("backend.options.model-name"), e.getMessage());
        }
    }

    @Test
    void aServerThatStopsFailsTheNextCallClearly() throws Exception {
        for (BackendProvider p : PROVIDERS) {
            InferenceServer s = ReluAbsSession.serve(ServeSettings.loopbackAnyPort(), 0);
            try (ModelSession session = p.open(request(url(p, s.httpPort(), s.grpcPort()), "relu-abs"));
                 Runner runner = session.newRunner()) {
                var input = runner.prepare(ReluAbsModel.inputs(1));
                runner.run(input);
                s.close();
                BackendException e = assertThrows(BackendException.class, () -> runner.run(input));
                assertTrue(e.getMessage().contains(p.name()), e.getMessage());
            } finally {
                s.close();
            }
        }
    }

    @Test
    void aFullQueueIsAClear503() throws Exception {
        try (InferenceServer slow = ReluAbsSession.serve(ServeSettings.loopbackAnyPort().withQueueCapacity(1), 200);
             ModelSession session = new KServeV2HttpBackendProvider().open(request(
                     "http://127.0.0.1:" + slow.httpPort(), "relu-abs"))) {
            List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                threads.add(new Thread(() -> {
                    try (Runner r = session.newRunner()) {
                        r.run(r.prepare(ReluAbsModel.inputs(1)));
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains("503")
                    && f.getMessage().contains("queue is full")), failures.toString());
        }
    }

    @Test
    void theSessionRecordsSettingsClientTimingsAndServerStatistics() throws Exception {
        Map<String, Object> o = new HashMap<>(request("http://127.0.0.1:" + server.httpPort(), "relu-abs").options());
        o.put("binary-data", true);
        o.put("headers", "X-Trace: 1");
        try (ModelSession session = new KServeV2HttpBackendProvider().open(new ModelLoadRequest(null,
                ModelFormat.NONE, Device.CPU, o)); Runner runner = session.newRunner()) {
            var input = runner.prepare(ReluAbsModel.inputs(1));
            for (int i = 0; i < 5; i++) {
                runner.run(input);
            }
            Map<String, String> p = session.properties();
            assertEquals("http://127.0.0.1:" + server.httpPort(), p.get("url"));
            assertEquals("v2 REST, binary tensors", p.get("protocol"));
            assertEquals("HTTP/1.1", p.get("http-version"));
            assertEquals("X-Trace", p.get("headers"));
            assertEquals("5", p.get("client-requests"));
            assertTrue(p.containsKey("client-wait-ms-mean") && p.containsKey("client-serialize-ms-mean"), p.toString());
            assertEquals("5", p.get("server-requests"), p.toString());
            assertTrue(p.containsKey("server-queue-ms-mean") && p.containsKey("server-compute-infer-ms-mean"),
                    p.toString());
        }
    }
}
