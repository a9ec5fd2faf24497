package io.inferbench.protocol;

import io.inferbench.api.DType;

import java.util.Locale;

/**
 * The v2 protocol's tensor datatypes ({@code FP32}, {@code INT64}, ...) and InferBench's {@link DType}s.
 * {@code BYTES} and the unsigned types wider than 8 bits have no host tensor here, so they are refused
 * with a message saying so.
 */
public final class V2Datatypes {
    private V2Datatypes() {
    }

    /** The protocol's name of {@code dtype}, e.g. {@code FP32}. */
    public static String name(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "FP32";
            case FLOAT16 -> "FP16";
            case BFLOAT16 -> "BF16";
            case FLOAT64 -> "FP64";
            case INT8 -> "INT8";
            case UINT8 -> "UINT8";
            case INT16 -> "INT16";
            case INT32 -> "INT32";
            case INT64 -> "INT64";
            case BOOL -> "BOOL";
            case STRING -> "BYTES";
        };
    }

    /**
     * The host type of a protocol datatype.
     *
     * @param field where the name was found, for the message (e.g. {@code inputs[0].datatype})
     * @throws ProtocolException for {@code BYTES}, {@code UINT16..64} and unknown names
     */
    public static DType parse(String name, String field) throws ProtocolException {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        return switch (n) {
            case "FP32" -> DType.FLOAT32;
            case "FP16" -> DType.FLOAT16;
            case "BF16" -> DType.BFLOAT16;
            case "FP64" -> DType.FLOAT64;
            case "INT8" -> DType.INT8;
            case "UINT8" -> DType.UINT8;
            case "INT16" -> DType.INT16;
            case "INT32" -> DType.INT32;
            case "INT64" -> DType.INT64;
            case "BOOL" -> DType.BOOL;
            case "BYTES", "UINT16", "UINT32", "UINT64" -> throw new ProtocolException(field + ": datatype " + n
                    + " is not supported (InferBench has no host tensor of it)");
            default -> throw new ProtocolException(field + ": unknown datatype '" + name + "'; expected one of "
                    + "BOOL, UINT8, INT8, INT16, INT32, INT64, FP16, BF16, FP32, FP64");
        };
    }
}
