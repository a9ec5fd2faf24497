package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.TensorFlowDataTypes;
import io.inferbench.api.DType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Maps TensorFlow element types to InferBench's {@link DType} (through the shared
 * {@link TensorFlowDataTypes} table) and to TensorFlow Java's tensor classes.
 *
 * <p>TensorFlow Java 1.1.0 has no tensor class for {@code int8} and {@code int16}: models can declare
 * them, but no such tensor can be created from Java, so such inputs are refused when the model opens.
 */
final class TfTypes {
    private static final Map<DType, Class<? extends TType>> TENSOR_CLASSES = new EnumMap<>(Map.ofEntries(
            Map.entry(DType.FLOAT32, TFloat32.class),
            Map.entry(DType.FLOAT16, TFloat16.class),
            Map.entry(DType.BFLOAT16, TBfloat16.class),
            Map.entry(DType.FLOAT64, TFloat64.class),
            Map.entry(DType.UINT8, TUint8.class),
            Map.entry(DType.INT32, TInt32.class),
            Map.entry(DType.INT64, TInt64.class),
            Map.entry(DType.BOOL, TBool.class)));

    private TfTypes() {
    }

    /** The DType of a TensorFlow element type ({@code _REF} variants included); {@code null} if none. */
    static DType dtype(DataType type) {
        // UNRECOGNIZED (a number this TensorFlow Java does not know) has no number to look up.
        return type == DataType.UNRECOGNIZED ? null : TensorFlowDataTypes.dtypeOrRef(type.getNumber());
    }

    /** TensorFlow Java's tensor class for {@code dtype}; {@code null} when TF Java 1.1.0 has none. */
    static Class<? extends TType> tensorClass(DType dtype) {
        return TENSOR_CLASSES.get(dtype);
    }

    /** Dimensions with {@code -1} for unknown ones; {@code null} when even the rank is unknown. */
    static long[] dims(Shape shape) {
        if (shape == null || shape.isUnknown()) {
            return null;
        }
        long[] dims = shape.asArray();
        if (dims == null) {
            return new long[0];
        }
        return Arrays.stream(dims).map(d -> Math.max(d, -1)).toArray();
    }
}
