package io.inferbench.adapter.support;

import io.inferbench.api.DType;

import java.util.List;

/**
 * ONNX element types ({@code TensorProto.DataType} in {@code onnx.proto}) and InferBench's
 * {@link DType}: the one table for the ONNX Runtime adapter, DJL's OnnxRuntime engine, the ONNX to
 * TensorFlow converter and the tests' generated models. Codes are compile-time constants, so a
 * {@code switch} on an element type can use them.
 *
 * <p>ONNX Runtime's Java enum {@code OnnxTensorType} numbers its constants its own way (its
 * {@code value} is not the ONNX code), so it is looked up by name: {@link #dtype(String)}.
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

    /** How ONNX Runtime's C and Java enums prefix ONNX's names. */
    private static final String ORT_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

    /** One element type: InferBench's name, ONNX's code, ONNX's name. */
    private record Entry(DType dtype, int code, String name) {
    }

    /** Every DType has an ONNX type; the reverse holds only for these (no unsigned 16+ bits, complex, float8). */
    private static final List<Entry> TABLE = List.of(
            new Entry(DType.FLOAT32, FLOAT, "FLOAT"),
            new Entry(DType.FLOAT16, FLOAT16, "FLOAT16"),
            new Entry(DType.BFLOAT16, BFLOAT16, "BFLOAT16"),
            new Entry(DType.FLOAT64, DOUBLE, "DOUBLE"),
            new Entry(DType.INT8, INT8, "INT8"),
            new Entry(DType.UINT8, UINT8, "UINT8"),
            new Entry(DType.INT16, INT16, "INT16"),
            new Entry(DType.INT32, INT32, "INT32"),
            new Entry(DType.INT64, INT64, "INT64"),
            new Entry(DType.BOOL, BOOL, "BOOL"),
            new Entry(DType.STRING, STRING, "STRING"));

    private OnnxDataTypes() {
    }

    /** The DType of an ONNX element type code; {@code null} for types InferBench has no name for (float8...). */
    public static DType dtype(int code) {
        return TABLE.stream().filter(e -> e.code() == code).map(Entry::dtype).findFirst().orElse(null);
    }

    /**
     * The DType of an ONNX element type named as {@code onnx.proto} names it ({@code FLOAT}, {@code INT64})
     * or as ONNX Runtime does ({@code ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64}); {@code null} when it has none.
     */
    public static DType dtype(String name) {
        String onnxName = name.startsWith(ORT_PREFIX) ? name.substring(ORT_PREFIX.length()) : name;
        return TABLE.stream().filter(e -> e.name().equals(onnxName)).map(Entry::dtype).findFirst().orElse(null);
    }

    /** The ONNX element type code of {@code dtype}. */
    public static int code(DType dtype) {
        return TABLE.stream().filter(e -> e.dtype() == dtype).mapToInt(Entry::code).findFirst().orElseThrow();
    }
}
