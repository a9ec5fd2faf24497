package io.inferbench.adapter.remote;

import io.inferbench.api.BackendProvider;
import io.inferbench.serve.InferenceServer;

import java.util.Map;

/** {@code kserve-v2-grpc} passes the SPI's conformance suite against inferbench serve's gRPC side. */
class KServeV2GrpcConformanceTest extends ServedReluAbs {
    @Override
    protected BackendProvider provider() {
        return new KServeV2GrpcBackendProvider();
    }

    @Override
    Map<String, Object> options(InferenceServer server) {
        return Map.of("url", "127.0.0.1:" + server.grpcPort(), "connections", 2L);
    }
}
