package io.inferbench.api;

import java.util.List;

/**
 * Entry point of an adapter, found with {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must have a public no-argument constructor and must be cheap to construct:
 * native libraries are loaded lazily, on the first call to {@link #info()} or {@link #open}.
 */
public interface BackendProvider {

    /** Stable identifier used in scenario files, e.g. {@code onnxruntime}. Lower case, no spaces. */
    String name();

    /** Model formats this backend can open directly, e.g. {@code onnx}, {@code savedmodel}. */
    List<ModelFormat> formats();

    /** The options a scenario may set under {@code backend.options}; anything else is rejected. */
    List<OptionSpec> options();

    /**
     * Environment variables a JVM running this backend with these options needs, because the
     * library reads them once at load (e.g. TensorFlow's {@code TF_ENABLE_ONEDNN_OPTS}). The harness
     * sets them on the forked JVM of each configuration; in-process they cannot apply, and the
     * session's properties should say so. Empty by default.
     *
     * @param options the configuration's validated options, with defaults filled in
     */
    default java.util.Map<String, String> environment(java.util.Map<String, Object> options) {
        return java.util.Map.of();
    }

    /**
     * Describes the installed library: versions, devices and execution providers it sees.
     * May load native code; must not load any model. Never throws: problems become notes.
     */
    BackendInfo info();

    /**
     * Loads a model. Blocking; may take seconds. The returned session is owned by the caller.
     *
     * @throws BackendException if the model cannot be loaded with these options
     * @throws DeviceUnavailableException if the requested device does not exist on this machine
     */
    ModelSession open(ModelLoadRequest request) throws BackendException;
}
