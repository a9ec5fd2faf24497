package io.inferbench.adapter.remote;

import io.inferbench.api.OptionSpec;

import java.util.List;

/** {@code kserve-v2-grpc}: the Open Inference Protocol v2 over gRPC ({@code inference.GRPCInferenceService}). */
public final class KServeV2GrpcBackendProvider extends RemoteBackendProvider {
    public static final String NAME = "kserve-v2-grpc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String displayName() {
        return "Open Inference Protocol v2 over gRPC";
    }

    @Override
    String defaultUrl() {
        return "127.0.0.1:8001";
    }

    @Override
    List<OptionSpec> extraOptions() {
        return List.of();
    }

    @Override
    RemoteProtocol<?, ?> protocol(RemoteSettings settings) {
        return new V2GrpcProtocol(NAME, settings);
    }
}
