package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.conformance.BackendConformanceTest;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.TinySavedModels;

import java.nio.file.Path;
import java.util.Map;

/** The SPI's conformance suite on TensorFlow Java, with the linear SavedModel. */
class TfConformanceTest extends BackendConformanceTest {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }

    @Override
    protected ModelLoadRequest request(Path dir) {
        // Through TfTestModels: it points JavaCPP at the cache before TensorFlow loads.
        Path model = TfTestModels.linearSavedModel(dir.resolve("linear"));
        return TfTestModels.request(model, ModelFormat.SAVED_MODEL, Map.of("intra-op-threads", 1L));
    }

    @Override
    protected Map<String, Tensor> inputs(int seed) {
        return TinySavedModels.inputs(seed);
    }

    @Override
    protected Map<String, float[]> expected(Map<String, Tensor> inputs) {
        return TinySavedModels.expected(inputs);
    }
}
