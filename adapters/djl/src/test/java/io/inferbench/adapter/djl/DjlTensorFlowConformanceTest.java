package io.inferbench.adapter.djl;

import io.inferbench.adapter.support.conformance.BackendConformanceTest;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.TinySavedModels;

import java.nio.file.Path;
import java.util.Map;

/**
 * The SPI's conformance suite on djl-tensorflow, with the TensorFlow adapter's linear SavedModel, built
 * here with the TensorFlow Java classes DJL bundles.
 */
class DjlTensorFlowConformanceTest extends BackendConformanceTest {
    @Override
    protected BackendProvider provider() {
        return DjlTestModels.provider("djl-tensorflow");
    }

    @Override
    protected ModelLoadRequest request(Path dir) throws Exception {
        // The engine first: it points JavaCPP at the InferBench cache before TensorFlow's natives load.
        ModelLoadRequest request = DjlTestModels.request(dir.resolve("linear"), ModelFormat.SAVED_MODEL, Map.of());
        DjlRuntime.engine(DjlEngine.TENSORFLOW, DjlOptions.from(request, DjlEngine.TENSORFLOW));
        TinySavedModels.linear(request.modelPath());
        return request;
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
