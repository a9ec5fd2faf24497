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
