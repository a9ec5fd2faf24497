package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtException.OrtErrorCode;
import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.UnsupportedModelException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classification and clean-up of ONNX Runtime messages (real messages from onnxruntime 1.29). */
class OrtErrorsTest {
    private static final Path MODEL = Path.of("/models/m.onnx");

    @Test
    void stripsPrefixesAndSourceLocations() {
        OrtException e = new OrtException(OrtErrorCode.ORT_FAIL, "Load model from /models/m.onnx failed:"
                + "/onnxruntime_src/onnxruntime/core/graph/model_load_utils.h:46 void onnxruntime::model_load_utils::"
                + "ValidateOpsetForDomain(const std::unordered_map<std::__cxx11::basic_string<char>, int>&, "
                + "const onnxruntime::logging::Logger&, bool, const std::string&, int) ONNX Runtime only *guarantees*"
                + " support for models stamped with official released onnx opset versions. Opset 99 is under\n"
                + "development and support for this is limited.");
        assertEquals("ONNX Runtime only *guarantees* support for models stamped with official released onnx opset"
                + " versions. Opset 99 is under development and support for this is limited.", OrtErrors.oneLine(e));
        assertInstanceOf(UnsupportedModelException.class, OrtErrors.onLoad(MODEL, Device.CPU, e));
    }

    @Test
    void capsLength() {
        String long1 = OrtErrors.oneLine(new OrtException("x".repeat(1000)));
        assertEquals(400, long1.length());
        assertTrue(long1.endsWith("..."));
    }

    @Test
    void classifiesLoadFailures() {
        BackendException kernel = OrtErrors.onLoad(MODEL, Device.CPU, new OrtException(OrtErrorCode.ORT_NOT_IMPLEMENTED,
                "Could not find an implementation for Relu(14) node with name ''"));
        assertInstanceOf(UnsupportedModelException.class, kernel);
        assertEquals("onnxruntime cannot run /models/m.onnx: Could not find an implementation for Relu(14) node"
                + " with name ''", kernel.getMessage());

        BackendException protobuf = OrtErrors.onLoad(MODEL, Device.CPU, new OrtException(
                OrtErrorCode.ORT_INVALID_PROTOBUF, "Load model from /models/m.onnx failed:Protobuf parsing failed."));
        assertEquals(BackendException.class, protobuf.getClass());
        assertEquals("not a valid ONNX model (protobuf parsing failed): /models/m.onnx", protobuf.getMessage());

        BackendException other = OrtErrors.onLoad(MODEL, Device.CPU, new OrtException(OrtErrorCode.ORT_FAIL, "boom"));
        assertEquals(BackendException.class, other.getClass());
        assertEquals("cannot load /models/m.onnx: boom", other.getMessage());
    }

    @Test
    void cudaWithoutADeviceIsAnUnavailableDevice() {
        OrtException e = new OrtException(OrtErrorCode.ORT_EP_FAIL,
                "CUDA failure 100: no CUDA-capable device is detected ; GPU=0 ; hostname=x");
        BackendException gpu = OrtErrors.onLoad(MODEL, Device.gpu(1), e);
        assertInstanceOf(DeviceUnavailableException.class, gpu);
        assertTrue(gpu.getMessage().startsWith("no GPU found: onnxruntime's CUDA provider cannot use gpu:1: "),
                gpu.getMessage());
    }
}
