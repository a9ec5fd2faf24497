package io.inferbench.adapter.djl;

import ai.djl.ndarray.types.DataType;
import io.inferbench.api.DType;

/** InferBench's element types and DJL's, both ways. */
final class DjlTypes {
    private DjlTypes() {
    }

    /** @return DJL's type, or {@code null} when DJL has none (strings) */
    static DataType toDjl(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT16 -> DataType.FLOAT16;
            case BFLOAT16 -> DataType.BFLOAT16;
            case FLOAT64 -> DataType.FLOAT64;
            case INT8 -> DataType.INT8;
            case UINT8 -> DataType.UINT8;
            case INT16 -> DataType.INT16;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case BOOL -> DataType.BOOLEAN;
            case STRING -> null;
        };
    }

    /** @return InferBench's type, or {@code null} for types host tensors cannot hold */
    static DType fromDjl(DataType type) {
        return switch (type) {
            case FLOAT32 -> DType.FLOAT32;
            case FLOAT16 -> DType.FLOAT16;
            case BFLOAT16 -> DType.BFLOAT16;
            case FLOAT64 -> DType.FLOAT64;
            case INT8 -> DType.INT8;
            case UINT8 -> DType.UINT8;
            case INT16 -> DType.INT16;
            case INT32 -> DType.INT32;
            case INT64 -> DType.INT64;
            case BOOLEAN -> DType.BOOL;
            default -> null;
        };
    }
}
