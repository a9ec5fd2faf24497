package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.TensorInfo.OnnxTensorType;
import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.DType;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ONNX Runtime's Java element types reach the shared ONNX table by name (its {@code value} numbers differ
 * from onnx.proto's codes): every one of them, so an ONNX Runtime upgrade that renames one shows here.
 */
class OrtTypesTest {
    @Test
    void everyOnnxRuntimeElementTypeMapsAsBefore() {
        Map<OnnxTensorType, DType> expected = new EnumMap<>(Map.ofEntries(
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, DType.FLOAT32),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16, DType.FLOAT16),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16, DType.BFLOAT16),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE, DType.FLOAT64),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8, DType.INT8),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8, DType.UINT8),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16, DType.INT16),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32, DType.INT32),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64, DType.INT64),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL, DType.BOOL),
                Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING, DType.STRING)));
        for (OnnxTensorType t : OnnxTensorType.values()) {
            assertEquals(expected.get(t), OnnxDataTypes.dtype(t.name()), t.name());
        }
    }
}
