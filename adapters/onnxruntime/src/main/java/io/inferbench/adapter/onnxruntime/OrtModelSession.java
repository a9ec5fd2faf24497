package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.inferbench.adapter.support.AbstractModelSession;
import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.TensorSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model loaded into an {@link OrtSession}. Thread-safe: {@code OrtSession.run} may be called from
 * many threads, and each worker gets its own {@link OrtRunner}.
 */
final class OrtModelSession extends AbstractModelSession {
    private final OrtRuntime runtime;
    private final OrtSession session;

    private OrtModelSession(OrtRuntime runtime, OrtSession session, List<TensorSpec> inputs,
                            List<TensorSpec> outputs, Map<String, String> properties) {
        super(inputs, outputs, properties);
        this.runtime = runtime;
        this.session = session;
    }

    /**
     * Loads the model of {@code request}. Blocking.
     *
     * @throws DeviceUnavailableException if a GPU is requested and CUDA cannot reach it
     * @throws BackendException           if the file is missing or broken, or the options are rejected
     */
    static OrtModelSession open(OrtRuntime runtime, ModelLoadRequest request) throws BackendException {
        OrtOptions options = OrtOptions.from(request);
        Path model = checkFile(request.modelPath());
        Device device = request.device();
        if (device.kind() == Device.Kind.GPU) {
            if (!runtime.hasProvider(OrtProvider.CUDA)) {
                throw new DeviceUnavailableException("no GPU found: this onnxruntime build has no CUDA execution"
                        + " provider (CPU-only artifact com.microsoft.onnxruntime:onnxruntime); build the adapter"
                        + " with -Pgpu");
            }
            installCudaProvider();
        }
        OrtSession session;
        try (SessionOptions sessionOptions = sessionOptions(options, device)) {
            session = runtime.environment().createSession(model.toString(), sessionOptions);
        } catch (OrtException e) {
            throw OrtErrors.onLoad(model, device, e);
        }
        try {
            List<TensorSpec> in = OrtTypes.specs(session.getInputInfo().values(), "input");
            List<TensorSpec> out = OrtTypes.specs(session.getOutputInfo().values(), "output");
            return new OrtModelSession(runtime, session, in, out, describe(runtime, options, device));
        } catch (OrtException | BackendException | RuntimeException e) {
            closeQuietly(session);
            throw e instanceof BackendException be ? be : new BackendException(
                    "cannot read inputs and outputs of " + model + ": " + OrtErrors.oneLine(e), e);
        }
    }

    private static Path checkFile(Path model) throws BackendException {
        if (!Files.exists(model)) {
            throw new BackendException("model file not found: " + model);
        }
        if (!Files.isRegularFile(model)) {
            throw new BackendException("model path is not a file (expected a .onnx file): " + model);
        }
        if (!Files.isReadable(model)) {
            throw new BackendException("model file is not readable: " + model);
        }
        return model;
    }

    private static void installCudaProvider() throws BackendException {
        try {
            OrtNatives.installProvider(OrtNatives.CUDA_LIBRARY);
        } catch (IOException | RuntimeException e) {
            throw new BackendException("cannot extract the CUDA provider library into the InferBench cache: " + e, e);
        }
    }

    private static SessionOptions sessionOptions(OrtOptions options, Device device) throws OrtException,
            DeviceUnavailableException {
        SessionOptions sessionOptions = options.toSessionOptions();
        if (device.kind() == Device.Kind.GPU) {
            try {
                sessionOptions.addCUDA(device.id());
            } catch (OrtException e) {
                sessionOptions.close();
                throw OrtErrors.noDevice(device, OrtErrors.oneLine(e));
            }
        }
        return sessionOptions;
    }

    private static Map<String, String> describe(OrtRuntime runtime, OrtOptions options, Device device) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("onnxruntime-version", runtime.version());
        m.put("device", device.toString());
        // The CPU provider is always there as the fallback for nodes CUDA cannot run.
        m.put("execution-providers", device.kind() == Device.Kind.GPU
                ? OrtProvider.CUDA.getName() + ", " + OrtProvider.CPU.getName() : OrtProvider.CPU.getName());
        m.putAll(options.describe());
        return Collections.unmodifiableMap(m);
    }

    @Override
    protected OrtRunner createRunner() {
        return new OrtRunner(this, session);
    }

    OrtRuntime runtime() {
        return runtime;
    }

    /** Closes the native session, once every runner has closed (the harness stopped the workers first). */
    @Override
    protected void release() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing useful to do: the native session is gone either way, and close() cannot throw.
        }
    }
}
