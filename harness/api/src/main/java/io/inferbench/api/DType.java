package io.inferbench.api;

import java.util.Locale;

/** Element types of tensors, with their size in bytes (0 for variable-size types). */
public enum DType {
    FLOAT32(4), FLOAT16(2), BFLOAT16(2), FLOAT64(8),
    INT8(1), UINT8(1), INT16(2), INT32(4), INT64(8), BOOL(1), STRING(0);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The lower-case name used in scenario files and results, e.g. {@code int64}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; returns {@code null} for an unknown name. */
    public static DType parse(String s) {
        for (DType t : values()) {
            if (t.id().equals(s.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }
}
