package io.inferbench.adapter.support;

import io.inferbench.api.DType;

import java.util.EnumMap;
import java.util.Map;

/**
 * ONNX element types ({@code TensorProto.DataType} in {@code onnx.proto}, the same numbers as ONNX
 * Runtime's {@code ONNXTensorElementDataType} and its Java {@code OnnxTensorType.value}) and InferBench's
 * {@link DType}: the one table for the ONNX Runtime adapter, DJL's OnnxRuntime engine, the ONNX to
 * TensorFlow converter and the tests' generated models. Codes are compile-time constants, so a
 * {@code switch} on an element type can use them.
 */
public final class OnnxDataTypes {
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int UINT16 = 4;
    public static final int INT16 = 5;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int STRING = 8;
    public static final int BOOL = 9;
    public static final int FLOAT16 = 10;
    public static final int DOUBLE = 11;
    public static final int UINT32 = 12;
    public static final int UINT64 = 13;
    public static final int BFLOAT16 = 16;

    /** Every DType has an ONNX code; the reverse holds only for these (no unsigned 16+ bits, complex, float8). */
    private static final Map<DType, Integer> CODES = new EnumMap<>(Map.ofEntries(
            Map.entry(DType.FLOAT32, FLOAT),
            Map.entry(DType.FLOAT16, FLOAT16),
            Map.entry(DType.BFLOAT16, BFLOAT16),
            Map.entry(DType.FLOAT64, DOUBLE),
            Map.entry(DType.INT8, INT8),
            Map.entry(DType.UINT8, UINT8),
            Map.entry(DType.INT16, INT16),
            Map.entry(DType.INT32, INT32),
            Map.entry(DType.INT64, INT64),
            Map.entry(DType.BOOL, BOOL),
            Map.entry(DType.STRING, STRING)));

    private OnnxDataTypes() {
    }

    /** The DType of an ONNX element type, or {@code null} for types InferBench has no name for (uint32, float8...). */
    public static DType dtype(int code) {
        for (Map.Entry<DType, Integer> e : CODES.entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The ONNX element type of {@code dtype}. */
    public static int code(DType dtype) {
        return CODES.get(dtype);
    }
}
