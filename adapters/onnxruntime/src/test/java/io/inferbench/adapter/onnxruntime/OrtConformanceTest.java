package io.inferbench.adapter.onnxruntime;

import io.inferbench.adapter.support.conformance.BackendConformanceTest;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.ReluAbsModel;

import java.nio.file.Path;
import java.util.Map;

/** The SPI's conformance suite on ONNX Runtime, with the two-input Relu/Abs model. */
class OrtConformanceTest extends BackendConformanceTest {
    @Override
    protected BackendProvider provider() {
        return new OrtBackendProvider();
    }

    @Override
    protected ModelLoadRequest request(Path dir) {
        return TestModels.request(ReluAbsModel.write(dir), Map.of("intra-op-threads", 1L));
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
