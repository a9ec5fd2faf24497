package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Maps ONNX element types and tensor descriptions to InferBench's {@link DType} and {@link TensorSpec}. */
final class OrtTypes {
    private static final Map<OnnxTensorType, DType> FROM_ONNX = new EnumMap<>(Map.ofEntries(
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, DType.FLOAT32),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16, DType.FLOAT16),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16, DType.BFLOAT16),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE, DType.FLOAT64),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8, DType.INT8),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8, DType.UINT8),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16, DType.INT16),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32, DType.INT32),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64, DType.INT64),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL, DType.BOOL),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING, DType.STRING)));

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

    /** The DType of an ONNX element type, or {@code null} for types InferBench has no name for (uint32, float8...). */
    static DType dtype(OnnxTensorType onnxType) {
        return FROM_ONNX.get(onnxType);
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
        DType dtype = dtype(info.onnxType);
        if (dtype == null) {
            throw new UnsupportedModelException(kind + " '" + node.getName() + "' has element type "
                    + info.onnxType + ", which InferBench cannot represent");
        }
        long[] shape = info.getShape();
        String[] names = info.getDimensionNames();
        List<String> dimNames = new ArrayList<>(shape.length);
        for (int i = 0; i < shape.length; i++) {
            // ONNX Runtime reports a dynamic dim as -1 (or another negative value); the SPI wants -1.
            shape[i] = Math.max(shape[i], -1);
            String name = names != null && i < names.length && names[i] != null ? names[i] : "";
            dimNames.add(shape[i] < 0 ? name : "");
        }
        return new TensorSpec(node.getName(), dtype, shape, dimNames);
    }

    /** {@code [2, 16]} */
    static String shapeText(long[] shape) {
        return Arrays.toString(shape);
    }
}
