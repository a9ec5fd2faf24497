package io.inferbench.adapter.remote;

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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once the harness says the measurement started, the client's timings and the server's statistics
 * count from there: warmup requests are left out of both. Without that call they span the session.
 */
class RemoteStatisticsSpanTest {
    @Test
    void theFiguresCoverTheMeasurementOnceItStarted() throws Exception {
        try (InferenceServer server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort(), 0);
             ModelSession session = new KServeV2HttpBackendProvider().open(new ModelLoadRequest(null, ModelFormat.NONE,
                     Device.CPU, Map.of("url", "http://127.0.0.1:" + server.httpPort(), "model-name", "relu-abs")));
             Runner runner = session.newRunner()) {
            PreparedInput input = runner.prepare(ReluAbsModel.inputs(1));
            for (int i = 0; i < 5; i++) {
                runner.run(input); // warmup
            }
            Map<String, String> before = session.properties();
            assertEquals("session (warmup included)", before.get("statistics-span"));
            assertEquals("5", before.get("client-requests"));
            assertEquals("5", before.get("server-requests"));

            session.measurementStarted();
            session.properties(); // waits for the server's counters, read on another thread, so none of the 3 is missed
            for (int i = 0; i < 3; i++) {
                runner.run(input);
            }
            Map<String, String> p = session.properties();
            assertEquals("measurement", p.get("statistics-span"), p.toString());
            assertEquals("3", p.get("client-requests"), p.toString());
            assertEquals("3", p.get("server-requests"), p.toString());
            assertTrue(p.containsKey("client-wait-ms-p50") && p.containsKey("client-wait-ms-p99")
                    && p.containsKey("client-deserialize-ms-p50"), p.toString());
            assertTrue(Double.parseDouble(p.get("client-wait-ms-p50")) > 0, p.toString());
        }
    }
}
