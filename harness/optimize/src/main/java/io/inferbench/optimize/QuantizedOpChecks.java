package io.inferbench.optimize;

import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ONNX type constraints of the integer operators the quantizer writes, where the types are known. */
final class QuantizedOpChecks {
    private static final Set<Integer> INT8_OR_UINT8 = Set.of(Tensors.INT8, Tensors.UINT8);

    private QuantizedOpChecks() {
    }

    static void check(GraphProto graph, Map<String, Integer> types, List<String> problems) {
        for (NodeProto node : graph.getNodeList()) {
            String where = "node '" + node.getName() + "' (" + node.getOpType() + ")";
            switch (node.getOpType()) {
                case "MatMulInteger", "ConvInteger" -> {
                    eightBit(where, node, 0, types, problems);
                    eightBit(where, node, 1, types, problems);
                    sameType(where, node, 2, 0, types, problems);
                    sameType(where, node, 3, 1, types, problems);
                }
                case "DynamicQuantizeLinear" -> expect(where, node, 0, Tensors.FLOAT, types, problems);
                case "DequantizeLinear" -> {
                    expect(where, node, 1, Tensors.FLOAT, types, problems);
                    sameType(where, node, 2, 0, types, problems);
                }
                case "QuantizeLinear" -> {
                    expect(where, node, 1, Tensors.FLOAT, types, problems);
                    if (node.getInputCount() > 2) {
                        eightBit(where, node, 2, types, problems);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void eightBit(String where, NodeProto node, int input, Map<String, Integer> types,
                                 List<String> problems) {
        Integer type = typeOf(node, input, types);
        if (type != null && !INT8_OR_UINT8.contains(type)) {
            problems.add(where + ": input " + input + " '" + node.getInput(input) + "' is of type " + type
                    + ", expected int8 (3) or uint8 (2)");
        }
    }

    private static void sameType(String where, NodeProto node, int input, int like, Map<String, Integer> types,
                                 List<String> problems) {
        Integer type = typeOf(node, input, types);
        Integer expected = typeOf(node, like, types);
        if (type != null && expected != null && !type.equals(expected)) {
            problems.add(where + ": zero point '" + node.getInput(input) + "' is of type " + type
                    + " but input " + like + " is of type " + expected);
        }
    }

    private static void expect(String where, NodeProto node, int input, int expected, Map<String, Integer> types,
                               List<String> problems) {
        Integer type = typeOf(node, input, types);
        if (type != null && type != expected) {
            problems.add(where + ": input " + input + " '" + node.getInput(input) + "' is of type " + type
                    + ", expected " + expected);
        }
    }

    private static Integer typeOf(NodeProto node, int input, Map<String, Integer> types) {
        if (input >= node.getInputCount() || node.getInput(input).isEmpty()) {
            return null;
        }
        return types.get(node.getInput(input));
    }
}
