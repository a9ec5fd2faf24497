package io.inferbench.adapter.remote;

import io.inferbench.api.OptionSpec;

import java.util.List;

/**
 * {@code kserve-v2-http}: the Open Inference Protocol v2 over HTTP (Triton, KServe, MLServer, OpenVINO
 * Model Server, {@code inferbench serve}). {@code binary-data: true} sends and asks for binary tensors.
 */
public final class KServeV2HttpBackendProvider extends RemoteBackendProvider {
    public static final String NAME = "kserve-v2-http";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String displayName() {
        return "Open Inference Protocol v2 over HTTP";
    }

    @Override
    String defaultUrl() {
        return "http://127.0.0.1:8000";
    }

    @Override
    List<OptionSpec> extraOptions() {
        return List.of(OptionSpec.bool(RemoteSettings.HTTP2, false, "HTTP/2 (h2c upgrade) instead of HTTP/1.1"),
                OptionSpec.bool(RemoteSettings.BINARY_DATA, false,
                        "the binary tensor extension for inputs and outputs instead of JSON tensors"));
    }

    @Override
    RemoteProtocol<?, ?> protocol(RemoteSettings settings) {
        return new V2HttpProtocol(NAME, settings);
    }
}
