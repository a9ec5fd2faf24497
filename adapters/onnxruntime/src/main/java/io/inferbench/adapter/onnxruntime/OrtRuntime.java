package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import io.inferbench.api.BackendException;

import java.util.EnumSet;
import java.util.List;

/**
 * ONNX Runtime as loaded in this JVM: its environment, native version and execution providers.
 *
 * <p>Loaded once, on first use, after {@link OrtNatives} has placed the natives; a failure is
 * remembered, because a class whose static initialiser failed cannot be retried in the same JVM.
 * The environment lives as long as the JVM: sessions share it, and closing it would break them.
 */
final class OrtRuntime {
    private static OrtRuntime instance;
    private static String failure;

    private final OrtEnvironment environment;
    private final String version;
    private final EnumSet<OrtProvider> providers;
    private final OrtNatives.Location natives;

    private OrtRuntime(OrtEnvironment environment, String version, EnumSet<OrtProvider> providers,
                       OrtNatives.Location natives) {
        this.environment = environment;
        this.version = version;
        this.providers = providers;
        this.natives = natives;
    }

    /** The runtime, loading the natives on the first call. Thread-safe; blocking. */
    static synchronized OrtRuntime get() throws BackendException {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw new BackendException(failure);
        }
        OrtNatives.Location natives = OrtNatives.install();
        try {
            // WARNING is ONNX Runtime's own default: quiet for normal runs, loud about CPU fallbacks.
            OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "inferbench");
            EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
            instance = new OrtRuntime(env, env.getVersion(), EnumSet.copyOf(available), natives);
            return instance;
        } catch (RuntimeException | LinkageError e) {
            String from = natives.directory() == null ? "" : " from " + natives.directory();
            failure = "cannot load the ONNX Runtime native libraries" + from + ": " + e;
            throw new BackendException(failure, e);
        }
    }

    OrtEnvironment environment() {
        return environment;
    }

    /** Version of the native library, e.g. {@code 1.29.0}. */
    String version() {
        return version;
    }

    boolean hasProvider(OrtProvider provider) {
        return providers.contains(provider);
    }

    /** Provider names as ONNX Runtime spells them ({@code CPUExecutionProvider}), in enum order. */
    List<String> providerNames() {
        return providers.stream().map(OrtProvider::getName).toList();
    }

    OrtNatives.Location natives() {
        return natives;
    }
}
