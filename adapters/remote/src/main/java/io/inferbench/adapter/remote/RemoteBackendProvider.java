package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three remote backends share: the options, the description, and opening a session (read
 * the options, connect, check readiness, take the signature from the metadata). A model file in the
 * scenario is not read — the server holds the model — but is accepted, so that a served configuration
 * can keep the in-process one's {@code model:} (its tokenizer, its name) and differ only in its backend.
 */
abstract sealed class RemoteBackendProvider implements BackendProvider
        permits KServeV2HttpBackendProvider, KServeV2GrpcBackendProvider, TfServingRestBackendProvider {

    /** The default address of this protocol's server (Triton's and TensorFlow Serving's ports). */
    abstract String defaultUrl();

    /** Options beyond the common ones. */
    abstract List<OptionSpec> extraOptions();

    /** This backend's protocol client. */
    abstract RemoteProtocol<?, ?> protocol(RemoteSettings settings);

    abstract String displayName();

    @Override
    public final List<ModelFormat> formats() {
        return List.of(ModelFormat.values());
    }

    @Override
    public final List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(RemoteSettings.common(defaultUrl()));
        all.addAll(extraOptions());
        return List.copyOf(all);
    }

    @Override
    public final BackendInfo info() {
        String version = RemoteBackendProvider.class.getPackage().getImplementationVersion();
        return new BackendInfo(name(), displayName(), version == null ? "dev" : version,
                Map.of("java.net.http", Runtime.version().toString()),
                List.of(new DeviceInfo(Device.CPU, "the server's devices (not seen from here)", true, "")),
                List.of(), List.of("runs on the server at backend.options.url; the scenario's device is not used"));
    }

    @Override
    public final ModelSession open(ModelLoadRequest request) throws BackendException {
        if (request.device().kind() == Device.Kind.GPU) {
            throw new DeviceUnavailableException("no GPU found: " + name() + " runs on whatever devices its server "
                    + "uses; leave hardware.device at cpu and choose the GPU on the server");
        }
        RemoteSettings settings = RemoteSettings.read(name(), request, defaultUrl());
        RemoteProtocol<?, ?> protocol = protocol(settings);
        try {
            RemoteProtocol.Signature signature = protocol.connect();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("url", settings.url());
            properties.put("model-name", settings.modelName());
            properties.put("model-version", settings.modelVersion().isEmpty() ? "(server's choice)"
                    : settings.modelVersion());
            properties.putAll(signature.properties());
            properties.put("connections", Integer.toString(settings.connections()));
            properties.put("max-in-flight", Integer.toString(settings.maxInFlight()));
            properties.put("timeout", settings.timeout().toMillis() + " ms");
            properties.put("headers", settings.headers().isEmpty() ? "none" : String.join(", ", settings.headers().keySet()));
            return new RemoteSession(name(), protocol, signature, settings, properties);
        } catch (BackendException | RuntimeException e) {
            protocol.close();
            throw e;
        }
    }
}
