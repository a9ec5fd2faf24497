package io.inferbench.optimize;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The element type of each value of a graph where it can be told without shape inference: graph inputs,
 * initializers, value_info, Constant and Cast outputs, and the outputs of operators whose type follows their
 * first input or is fixed (Shape is int64, Equal is bool, MatMulInteger is int32, ...). Unknown elsewhere.
 */
final class ValueTypes {
    /** Output type = first input's type. */
    private static final Set<String> SAME_AS_FIRST_INPUT = Set.of("Abs", "Add", "Sub", "Mul", "Div", "Pow", "Neg",
            "Sqrt", "Exp", "Log", "Erf", "Tanh", "Sigmoid", "Relu", "LeakyRelu", "Elu", "Selu", "HardSigmoid",
            "HardSwish", "Softmax", "LogSoftmax", "Clip", "MatMul", "Gemm", "Conv", "ConvTranspose", "MaxPool",
            "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "BatchNormalization", "LayerNormalization",
            "InstanceNormalization", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd",
            "ReduceL2", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Flatten", "Concat", "Slice", "Split",
            "Expand", "Tile", "Pad", "Identity", "Dropout", "Gather", "GatherElements", "GatherND", "Resize",
            "Upsample", "Min", "Max", "Floor", "Ceil", "Round", "Reciprocal", "Sign", "CumSum", "Range",
            "DepthToSpace", "SpaceToDepth", "Einsum", "Mod", "PRelu", "Softplus", "Gelu", "TopK");
    private static final Set<String> BOOL_OUTPUT = Set.of("Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual",
            "Not", "And", "Or", "Xor", "IsNaN", "IsInf");
    private static final Set<String> INT64_OUTPUT = Set.of("Shape", "Size", "ArgMax", "ArgMin", "NonZero",
            "NonMaxSuppression");

    private ValueTypes() {
    }

    /** Element types by value name (names absent where unknown). */
    static Map<String, Integer> infer(GraphProto graph) {
        Map<String, Integer> types = new HashMap<>();
        for (ValueInfoProto v : graph.getInputList()) {
            declared(v).ifPresent(t -> types.put(v.getName(), t));
        }
        for (TensorProto t : graph.getInitializerList()) {
            types.put(t.getName(), t.getDataType());
        }
        for (ValueInfoProto v : graph.getValueInfoList()) {
            declared(v).ifPresent(t -> types.putIfAbsent(v.getName(), t));
        }
        for (NodeProto node : graph.getNodeList()) {
            for (int i = 0; i < node.getOutputCount(); i++) {
                OptionalInt type = outputType(node, i, types);
                if (type.isPresent() && !node.getOutput(i).isEmpty()) {
                    types.putIfAbsent(node.getOutput(i), type.getAsInt());
                }
            }
        }
        for (ValueInfoProto v : graph.getOutputList()) {
            declared(v).ifPresent(t -> types.putIfAbsent(v.getName(), t));
        }
        return types;
    }

    static OptionalInt declared(ValueInfoProto v) {
        if (v.hasType() && v.getType().hasTensorType() && v.getType().getTensorType().getElemType() != 0) {
            return OptionalInt.of(v.getType().getTensorType().getElemType());
        }
        return OptionalInt.empty();
    }

    private static OptionalInt outputType(NodeProto node, int output, Map<String, Integer> types) {
        String op = node.getOpType();
        switch (op) {
            case "Constant":
                return attribute(node, "value").filter(AttributeProto::hasT)
                        .map(a -> OptionalInt.of(a.getT().getDataType())).orElse(OptionalInt.empty());
            case "Cast":
                return attribute(node, "to").map(a -> OptionalInt.of((int) a.getI())).orElse(OptionalInt.empty());
            case "ConstantOfShape":
                return OptionalInt.of(attribute(node, "value").filter(AttributeProto::hasT)
                        .map(a -> a.getT().getDataType()).orElse(Tensors.FLOAT));
            case "DynamicQuantizeLinear":
                return OptionalInt.of(output == 1 ? Tensors.FLOAT : Tensors.UINT8);
            case "MatMulInteger", "ConvInteger":
                return OptionalInt.of(Tensors.INT32);
            case "DequantizeLinear":
                return OptionalInt.of(Tensors.FLOAT);
            case "QuantizeLinear":
                return node.getInputCount() > 2 ? known(types, node.getInput(2)) : OptionalInt.of(Tensors.UINT8);
            case "Where":
                return node.getInputCount() > 1 ? known(types, node.getInput(1)) : OptionalInt.empty();
            default:
                break;
        }
        if (BOOL_OUTPUT.contains(op)) {
            return OptionalInt.of(TensorProto.DataType.BOOL_VALUE);
        }
        if (INT64_OUTPUT.contains(op) || (op.equals("TopK") && output == 1)) {
            return OptionalInt.of(Tensors.INT64);
        }
        if (SAME_AS_FIRST_INPUT.contains(op) && node.getInputCount() > 0 && (output == 0 || op.equals("Split"))) {
            return known(types, node.getInput(0));
        }
        return OptionalInt.empty();
    }

    private static OptionalInt known(Map<String, Integer> types, String name) {
        Integer t = types.get(name);
        return t == null ? OptionalInt.empty() : OptionalInt.of(t);
    }

    static Optional<AttributeProto> attribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }
}
