package io.inferbench.adapter.tensorflow.convert;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The ONNX operators (default domain) the converter handles, by type. */
final class OnnxOps {
    private static final Map<String, OpConverter> CONVERTERS;

    static {
        var ops = new TreeMap<String, OpConverter>();
        ElementwiseOps.register(ops);
        TensorOps.register(ops);
        MatrixOps.register(ops);
        NnOps.register(ops);
        UpsamplingOps.register(ops);
        QuantizationOps.register(ops);
        CONVERTERS = Collections.unmodifiableMap(ops);
    }

    private OnnxOps() {
    }

    /** The converter for an operator of the default ONNX domain, or null. */
    static OpConverter converter(String domain, String opType) {
        boolean defaultDomain = domain.isEmpty() || domain.equals("ai.onnx");
        return defaultDomain ? CONVERTERS.get(opType) : null;
    }

    /** Supported operator types, sorted. */
    static Set<String> supported() {
        return CONVERTERS.keySet();
    }
}
