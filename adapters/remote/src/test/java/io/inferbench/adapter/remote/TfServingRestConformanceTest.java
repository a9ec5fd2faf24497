package io.inferbench.adapter.remote;

import io.inferbench.api.BackendProvider;
import io.inferbench.serve.InferenceServer;

import java.util.Map;

/** {@code tfserving-rest} (row format) passes the suite against inferbench serve's TensorFlow Serving routes. */
class TfServingRestConformanceTest extends ServedReluAbs {
    @Override
    protected BackendProvider provider() {
        return new TfServingRestBackendProvider();
    }

    @Override
    Map<String, Object> options(InferenceServer server) {
        return Map.of("url", "http://127.0.0.1:" + server.httpPort(), "format", "row");
    }
}
