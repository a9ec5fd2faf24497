package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.adapter.support.TensorSpecs;
import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps ONNX Runtime's tensor descriptions to InferBench's {@link TensorSpec} (element types through the
 * shared {@link OnnxDataTypes} table), and {@link DType}s to the Java types tensors are created with.
 */
final class OrtTypes {
    private static final Map<DType, OnnxJavaType> TO_JAVA = new EnumMap<>(Map.ofEntries(
            Map.entry(DType.FLOAT32, OnnxJavaType.FLOAT),
            Map.entry(DType.FLOAT16, OnnxJavaType.FLOAT16),
            Map.entry(DType.BFLOAT16, OnnxJavaType.BFLOAT16),
            Map.entry(DType.FLOAT64, OnnxJavaType.DOUBLE),
            Map.entry(DType.INT8, OnnxJavaType.INT8),
            Map.entry(DType.UINT8, OnnxJavaType.UINT8),
            Map.entry(DType.INT16, OnnxJavaType.INT16),
            Map.entry(DType.INT32, OnnxJavaType.INT32),
            Map.entry(DType.INT64, OnnxJavaType.INT64),
            Map.entry(DType.BOOL, OnnxJavaType.BOOL)));

    private OrtTypes() {
    }

    /** The ONNX Runtime Java type to create a tensor of {@code dtype} from a ByteBuffer; null for STRING. */
    static OnnxJavaType javaType(DType dtype) {
        return TO_JAVA.get(dtype);
    }

    /**
     * Describes model inputs or outputs, in the order given.
     *
     * @param kind "input" or "output", for messages
     * @throws UnsupportedModelException for values that are not tensors (sequences, maps) or whose
     *                                   element type has no {@link DType}
     */
    static List<TensorSpec> specs(Collection<NodeInfo> nodes, String kind) throws UnsupportedModelException {
        List<TensorSpec> specs = new ArrayList<>(nodes.size());
        for (NodeInfo node : nodes) {
            specs.add(spec(node, kind));
        }
        return List.copyOf(specs);
    }

    static TensorSpec spec(NodeInfo node, String kind) throws UnsupportedModelException {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new UnsupportedModelException(kind + " '" + node.getName() + "' is not a tensor (" + node.getInfo()
                    + "); InferBench handles tensor inputs and outputs only");
        }
        DType dtype = OnnxDataTypes.dtype(info.onnxType.name());
        if (dtype == null) {
            throw TensorSpecs.unrepresentable(kind, node.getName(), info.onnxType);
        }
        return TensorSpecs.withDynamicDims(node.getName(), dtype, info.getShape(), info.getDimensionNames());
    }
}
