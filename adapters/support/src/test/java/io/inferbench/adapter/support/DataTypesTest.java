package io.inferbench.adapter.support;

import io.inferbench.api.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The ONNX and TensorFlow element-type tables against the numbers in onnx.proto and types.proto. */
class DataTypesTest {
    @Test
    void onnxCodesRoundTripForEveryDType() {
        for (DType t : DType.values()) {
            assertEquals(t, OnnxDataTypes.dtype(OnnxDataTypes.code(t)), t.id());
        }
        assertEquals(DType.FLOAT32, OnnxDataTypes.dtype(1));
        assertEquals(DType.INT64, OnnxDataTypes.dtype(7));
        assertEquals(DType.BFLOAT16, OnnxDataTypes.dtype(16));
        assertNull(OnnxDataTypes.dtype(OnnxDataTypes.UINT32), "uint32 has no DType");
        assertNull(OnnxDataTypes.dtype(0), "UNDEFINED");
        assertNull(OnnxDataTypes.dtype(17), "FLOAT8E4M3FN");
    }

    @Test
    void onnxNamesWithOrWithoutOnnxRuntimesPrefix() {
        assertEquals(DType.INT64, OnnxDataTypes.dtype("INT64"));
        assertEquals(DType.FLOAT32, OnnxDataTypes.dtype("ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT"));
        assertEquals(DType.FLOAT64, OnnxDataTypes.dtype("ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE"));
        assertEquals(DType.STRING, OnnxDataTypes.dtype("ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING"));
        assertNull(OnnxDataTypes.dtype("ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32"));
        assertNull(OnnxDataTypes.dtype("ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT8E5M2"));
    }

    @Test
    void tensorFlowNumbersAndTheirRefVariants() {
        assertEquals(DType.FLOAT32, TensorFlowDataTypes.dtype(1));
        assertEquals(DType.FLOAT16, TensorFlowDataTypes.dtype(19));
        assertEquals(DType.INT64, TensorFlowDataTypes.dtype(9));
        assertEquals(DType.STRING, TensorFlowDataTypes.dtype(7));
        assertNull(TensorFlowDataTypes.dtype(101), "DT_FLOAT_REF is not a plain type");
        assertEquals(DType.FLOAT32, TensorFlowDataTypes.dtypeOrRef(101));
        assertEquals(DType.INT64, TensorFlowDataTypes.dtypeOrRef(109));
        assertNull(TensorFlowDataTypes.dtypeOrRef(8), "DT_COMPLEX64");
        assertNull(TensorFlowDataTypes.dtypeOrRef(0), "DT_INVALID");
    }
}
