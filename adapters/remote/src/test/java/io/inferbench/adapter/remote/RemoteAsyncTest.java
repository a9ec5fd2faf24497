package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.serve.InferenceServer;
import io.inferbench.serve.ReluAbsSession;
import io.inferbench.serve.ServeSettings;
import io.inferbench.testsupport.ReluAbsModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every remote backend's runner is asynchronous: from one thread, many requests go out before the
 * first answer is back (an open loop needs no thread per request in flight), each completes with its
 * answer decoded and timed, and a failure completes the future with the same one-line error as
 * {@link Runner#run}.
 */
class RemoteAsyncTest {
    private static final List<BackendProvider> PROVIDERS = List.of(new KServeV2HttpBackendProvider(),
            new KServeV2GrpcBackendProvider(), new TfServingRestBackendProvider());

    private static ModelLoadRequest request(BackendProvider p, InferenceServer s) {
        String url = p instanceof KServeV2GrpcBackendProvider ? "127.0.0.1:" + s.grpcPort()
                : "http://127.0.0.1:" + s.httpPort();
        return new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU,
                Map.of("url", url, "model-name", "relu-abs", "timeout", 5.0));
    }

    @Test
    void oneThreadKeepsManyRequestsInFlight() throws Exception {
        // 100 ms per inference, 8 server workers: 8 requests take about 100 ms together, 800 ms one by one.
        try (InferenceServer server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort().withWorkers(8), 100)) {
            for (BackendProvider p : PROVIDERS) {
                try (ModelSession session = p.open(request(p, server)); Runner runner = session.newRunner()) {
                    assertTrue(runner.asynchronous(), p.name());
                    PreparedInput input = runner.prepare(ReluAbsModel.inputs(1));
                    List<CompletableFuture<Void>> calls = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        calls.add(runner.runAsync(input));
                    }
                    assertFalse(calls.get(0).isDone(), p.name() + ": runAsync returned before the answer");
                    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
                    assertEquals("8", session.properties().get("client-requests"), p.name());
                }
            }
        }
    }

    @Test
    void theSessionHoldsRequestsPastMaxInFlightInTheClient() throws Exception {
        try (InferenceServer server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort().withWorkers(8), 100)) {
            BackendProvider p = new KServeV2HttpBackendProvider();
            Map<String, Object> o = new java.util.HashMap<>(request(p, server).options());
            o.put("max-in-flight", 2L);
            try (ModelSession session = p.open(new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, o));
                 Runner runner = session.newRunner()) {
                PreparedInput input = runner.prepare(ReluAbsModel.inputs(1));
                long t0 = System.nanoTime();
                List<CompletableFuture<Void>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(runner.runAsync(input));
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                // Six 100 ms inferences two at a time take three rounds; eight server workers would take one.
                assertTrue(ms >= 290, "took " + ms + " ms");
                assertEquals("2", session.properties().get("max-in-flight"));
            }
        }
    }

    @Test
    void aFailedCallCompletesWithTheOneLineError() throws Exception {
        for (BackendProvider p : PROVIDERS) {
            InferenceServer s = ReluAbsSession.serve(ServeSettings.loopbackAnyPort(), 0);
            try (ModelSession session = p.open(request(p, s)); Runner runner = session.newRunner()) {
                PreparedInput input = runner.prepare(ReluAbsModel.inputs(1));
                runner.runAsync(input).get(10, TimeUnit.SECONDS);
                s.close();
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> runner.runAsync(input).get(10, TimeUnit.SECONDS));
                BackendException b = assertInstanceOf(BackendException.class, e.getCause(), p.name());
                assertTrue(b.getMessage().contains(p.name()), b.getMessage());
                assertEquals(-1, b.getMessage().indexOf('\n'), "one line: " + b.getMessage());
            } finally {
                s.close();
            }
        }
    }
}
