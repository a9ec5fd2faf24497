package io.inferbench.adapter.djl;

import io.inferbench.adapter.support.conformance.BackendConformanceTest;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.ReluAbsModel;

import java.nio.file.Path;
import java.util.Map;

/** The SPI's conformance suite on djl-onnxruntime, with the ONNX Runtime adapter's Relu/Abs model. */
class DjlOnnxRuntimeConformanceTest extends BackendConformanceTest {
    @Override
    protected BackendProvider provider() {
        return DjlTestModels.provider("djl-onnxruntime");
    }

    @Override
    protected ModelLoadRequest request(Path dir) {
        return DjlTestModels.request(ReluAbsModel.write(dir), ModelFormat.ONNX, Map.of("intra-op-threads", 1L));
    }

    @Override
    protected Map<String, Tensor> inputs(int seed) {
        return ReluAbsModel.inputs(seed);
    }

    @Override
    protected Map<String, float[]> expected(Map<String, Tensor> inputs) {
        return ReluAbsModel.expected(inputs);
    }
}
