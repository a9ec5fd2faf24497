package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.AbstractModelSession;
import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.UnsupportedModelException;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A model loaded into a TensorFlow {@link Session}. Thread-safe: {@code Session.run} may be called
 * from many threads, and each worker gets its own {@link TfRunner}.
 */
final class TfModelSession extends AbstractModelSession {
    private final TfModels.Loaded loaded;

    private TfModelSession(TfModels.Loaded loaded, Map<String, String> properties) {
        super(loaded.inputs().stream().map(TfEndpoint::spec).toList(),
                loaded.outputs().stream().map(TfEndpoint::spec).toList(), properties);
        this.loaded = loaded;
    }

    /**
     * Loads the model of {@code request}: a SavedModel directory, a frozen GraphDef, or an ONNX file
     * converted to a SavedModel first (once, then from the cache). Blocking.
     *
     * @param converter   makes the ONNX converter, asked only for ONNX models
     * @param environment the process environment (a parameter for tests)
     * @throws DeviceUnavailableException if a GPU is requested and TensorFlow sees none (or not that one)
     * @throws UnsupportedModelException  if the converter or TensorFlow cannot handle the model
     * @throws BackendException           if the model is missing or broken, or the options are rejected
     */
    static TfModelSession open(TfRuntime runtime, ModelLoadRequest request, ConverterFactory converter,
                               UnaryOperator<String> environment) throws BackendException {
        TfOptions options = TfOptions.from(request);
        Device device = request.device();
        checkDevice(runtime, device);
        ConfigProto config = options.toConfigProto(device);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("tensorflow-version", runtime.version());
        props.put("device", device.kind() == Device.Kind.GPU ? "/GPU:" + device.id() : "/CPU:0");
        props.putAll(options.describe(environment));
        Path path = request.modelPath();
        TfModels.Loaded loaded = switch (request.format()) {
            case SAVED_MODEL -> TfModels.savedModel(path, options.signature(), config);
            case GRAPH_DEF -> isSavedModelFile(path)
                    ? TfModels.savedModel(path.getParent(), options.signature(), config)
                    : TfModels.graphDef(path, config);
            case ONNX -> {
                TfConversion.Converted c = TfConversion.convert(path, TfNatives.cacheDir(), converter.create());
                props.put("converted-from", "onnx");
                props.put("converter", c.converter());
                props.put("converted-model", c.savedModel().toString());
                props.put("conversion", c.reused() ? "reused from the cache" : "converted in " + c.conversionMillis() + " ms");
                if (!c.operators().isEmpty()) {
                    props.put("conversion-operators", String.join(", ", c.operators()));
                }
                if (!c.notes().isEmpty()) {
                    props.put("conversion-notes", String.join("; ", c.notes()));
                }
                yield TfModels.savedModel(c.savedModel(), options.signature(), config);
            }
            default -> throw new UnsupportedModelException("tensorflow opens SavedModel directories, frozen GraphDefs"
                    + " (.pb) and ONNX files (by conversion), not " + request.format());
        };
        if (request.format() == ModelFormat.GRAPH_DEF && !isSavedModelFile(path)) {
            props.remove(TfOptions.SIGNATURE.name());
        }
        props.putAll(loaded.properties());
        return new TfModelSession(loaded, Collections.unmodifiableMap(props));
    }

    /** {@code dir/saved_model.pb}, picked as a .pb file: the SavedModel in {@code dir} is meant. */
    private static boolean isSavedModelFile(Path path) {
        return path.getFileName() != null && path.getFileName().toString().equals("saved_model.pb")
                && path.getParent() != null;
    }

    private static void checkDevice(TfRuntime runtime, Device device) throws DeviceUnavailableException {
        if (device.kind() != Device.Kind.GPU) {
            return;
        }
        int gpus = runtime.gpus().size();
        if (gpus == 0) {
            throw new DeviceUnavailableException("no GPU found: TensorFlow " + runtime.version() + " sees no GPU"
                    + (runtime.devicesProblem().isEmpty() ? "" : " (" + runtime.devicesProblem() + ")")
                    + "; GPU needs the adapter built with the `gpu` Maven profile (tensorflow-core-native"
                    + " linux-x86_64-gpu) and CUDA");
        }
        if (device.id() >= gpus) {
            throw new DeviceUnavailableException("no GPU found: " + device + " requested but TensorFlow sees "
                    + gpus + " GPU" + (gpus == 1 ? "" : "s"));
        }
    }

    /** Makes the ONNX converter; only called for ONNX models. */
    @FunctionalInterface
    interface ConverterFactory {
        ModelConverter create() throws BackendException;
    }

    List<TfEndpoint> inputEndpoints() {
        return loaded.inputs();
    }

    List<TfEndpoint> outputEndpoints() {
        return loaded.outputs();
    }

    @Override
    protected TfRunner createRunner() {
        return new TfRunner(this, loaded.session());
    }

    /** Closes the session and graph, once every runner has closed (the harness stopped the workers first). */
    @Override
    protected void release() {
        try {
            loaded.owner().close();
        } catch (Exception e) {
            // Nothing useful to do: the native session is gone either way, and close() cannot throw.
        }
    }
}
