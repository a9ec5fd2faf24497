package io.inferbench.adapter.remote;

import io.inferbench.api.OptionSpec;

import java.util.List;

/** {@code tfserving-rest}: TensorFlow Serving's REST predict API, columnar or row format. */
public final class TfServingRestBackendProvider extends RemoteBackendProvider {
    public static final String NAME = "tfserving-rest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    String displayName() {
        return "TensorFlow Serving REST";
    }

    @Override
    String defaultUrl() {
        return "http://127.0.0.1:8501";
    }

    @Override
    List<OptionSpec> extraOptions() {
        return List.of(OptionSpec.bool(RemoteSettings.HTTP2, false, "HTTP/2 (h2c upgrade) instead of HTTP/1.1"),
                OptionSpec.choice(RemoteSettings.FORMAT, "columnar", List.of("columnar", "row"),
                        "columnar: {\"inputs\": {...}}; row: {\"instances\": [...]}, one entry per batch element"));
    }

    @Override
    RemoteProtocol<?, ?> protocol(RemoteSettings settings) {
        return new TfServingProtocol(NAME, settings);
    }
}
