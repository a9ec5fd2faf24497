package io.inferbench.adapter.support;

import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;

import java.util.ArrayList;
import java.util.List;

/** Tensor descriptions from what an engine's metadata reports, the same way for every engine. */
public final class TensorSpecs {
    private TensorSpecs() {
    }

    /**
     * A spec from an engine's shape and dimension names. Engines mark a dynamic dimension with -1 or
     * another negative value (the SPI wants -1), and some name fixed dimensions too (the SPI keeps
     * names for dynamic ones only).
     *
     * @param dimNames the engine's names, any length, entries may be {@code null}; {@code null} for none
     */
    public static TensorSpec withDynamicDims(String name, DType dtype, long[] shape, String[] dimNames) {
        long[] dims = shape.clone();
        List<String> names = new ArrayList<>(dims.length);
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.max(dims[i], -1);
            String dimName = dimNames != null && i < dimNames.length && dimNames[i] != null ? dimNames[i] : "";
            names.add(dims[i] < 0 ? dimName : "");
        }
        return new TensorSpec(name, dtype, dims, names);
    }

    /**
     * An input or output whose element type InferBench has no {@link DType} for.
     *
     * @param kind "input" or "output"
     * @param type the engine's name of the type, as the message shows it
     */
    public static UnsupportedModelException unrepresentable(String kind, String name, Object type) {
        return new UnsupportedModelException(kind + " '" + name + "' has element type " + type
                + ", which InferBench cannot represent");
    }
}
