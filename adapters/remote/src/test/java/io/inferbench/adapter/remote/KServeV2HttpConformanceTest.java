package io.inferbench.adapter.remote;

import io.inferbench.api.BackendProvider;
import io.inferbench.serve.InferenceServer;

import java.util.Map;

/** {@code kserve-v2-http} with JSON tensors passes the SPI's conformance suite. */
class KServeV2HttpConformanceTest extends ServedReluAbs {
    @Override
    protected BackendProvider provider() {
        return new KServeV2HttpBackendProvider();
    }

    @Override
    Map<String, Object> options(InferenceServer server) {
        return Map.of("url", "http://127.0.0.1:" + server.httpPort());
    }
}
