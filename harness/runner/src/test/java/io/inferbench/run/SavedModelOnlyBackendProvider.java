package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.Runner;
import io.inferbench.api.TensorSpec;
import io.inferbench.synthetic.SyntheticBackendProvider;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code backend: { name: saved-only }}: loads SavedModels only, as DJL's TensorFlow engine does,
 * so an ONNX model reaches it through the harness's conversion ({@link TestOnnxToSavedModel}).
 * Refuses anything that is not a folder written by that converter; queries are synthetic (1 ms).
 * Its session properties say which folder it loaded and which process converted it.
 */
public final class SavedModelOnlyBackendProvider implements BackendProvider {
    public static final String NAME = "saved-only";
    private final SyntheticBackendProvider synthetic = new SyntheticBackendProvider();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.SAVED_MODEL);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo(NAME, "SavedModel only (tests)", "test", Map.of(), List.of(), List.of(), List.of());
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        var marker = request.modelPath().resolve(TestOnnxToSavedModel.MARKER);
        if (request.format() != ModelFormat.SAVED_MODEL || !Files.isRegularFile(marker)) {
            throw new BackendException("saved-only: not a converted SavedModel: " + request.modelPath() + " ("
                    + request.format() + ")");
        }
        String convertedBy;
        try {
            convertedBy = Files.readString(marker).strip();
        } catch (java.io.IOException e) {
            throw new BackendException("saved-only: " + e.getMessage(), e);
        }
        ModelSession s = synthetic.open(new ModelLoadRequest(null, ModelFormat.NONE, request.device(), Map.of()));
        return new ModelSession() {
            @Override
            public List<TensorSpec> inputs() {
                return s.inputs();
            }

            @Override
            public List<TensorSpec> outputs() {
                return s.outputs();
            }

            @Override
            public Map<String, String> properties() {
                Map<String, String> m = new TreeMap<>(s.properties());
                m.put("loaded", request.modelPath().toString());
                m.put("converted-by-pid", convertedBy);
                return m;
            }

            @Override
            public Runner newRunner() throws BackendException {
                return s.newRunner();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
