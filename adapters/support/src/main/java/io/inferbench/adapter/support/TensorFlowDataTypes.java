package io.inferbench.adapter.support;

import io.inferbench.api.DType;

import java.util.Map;

/**
 * TensorFlow element types ({@code DataType} in TensorFlow's {@code types.proto}, by number) and
 * InferBench's {@link DType}: one table for the TensorFlow adapter (TensorFlow Java 1.1.0) and DJL's
 * TensorFlow engine (which bundles TensorFlow Java 1.0.0-rc.1 under the same class names, so the two
 * cannot share the enum class itself, only its numbers).
 */
public final class TensorFlowDataTypes {
    /** Reference variants ({@code DT_FLOAT_REF}...) are the plain type's number plus this. */
    private static final int REF_OFFSET = 100;

    private static final Map<Integer, DType> FROM_TF = Map.ofEntries(
            Map.entry(1, DType.FLOAT32),   // DT_FLOAT
            Map.entry(19, DType.FLOAT16),  // DT_HALF
            Map.entry(14, DType.BFLOAT16), // DT_BFLOAT16
            Map.entry(2, DType.FLOAT64),   // DT_DOUBLE
            Map.entry(6, DType.INT8),      // DT_INT8
            Map.entry(4, DType.UINT8),     // DT_UINT8
            Map.entry(5, DType.INT16),     // DT_INT16
            Map.entry(3, DType.INT32),     // DT_INT32
            Map.entry(9, DType.INT64),     // DT_INT64
            Map.entry(10, DType.BOOL),     // DT_BOOL
            Map.entry(7, DType.STRING));   // DT_STRING

    private TensorFlowDataTypes() {
    }

    /** The DType of a TensorFlow {@code DataType} number; {@code null} if InferBench has none. */
    public static DType dtype(int number) {
        return FROM_TF.get(number);
    }

    /** Like {@link #dtype}, reading a {@code _REF} variant (a variable's type) as its plain type. */
    public static DType dtypeOrRef(int number) {
        DType d = FROM_TF.get(number);
        return d == null && number > REF_OFFSET ? FROM_TF.get(number - REF_OFFSET) : d;
    }
}
