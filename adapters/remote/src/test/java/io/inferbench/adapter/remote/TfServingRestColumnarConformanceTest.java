package io.inferbench.adapter.remote;

import io.inferbench.api.BackendProvider;
import io.inferbench.serve.InferenceServer;

import java.util.Map;

/** {@code tfserving-rest} in its default columnar format. */
class TfServingRestColumnarConformanceTest extends ServedReluAbs {
    @Override
    protected BackendProvider provider() {
        return new TfServingRestBackendProvider();
    }

    @Override
    Map<String, Object> options(InferenceServer server) {
        return Map.of("url", "http://127.0.0.1:" + server.httpPort());
    }
}
