package io.inferbench.optimize;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX checker's structural rules, in Java: a valid graph (every node input is a graph input, an
 * initializer or an earlier node's output; every graph output is produced), unique names, an opset import for
 * every domain used, initializers whose data matches their type and shape, value_info types that agree with
 * what is known, and the integer operators' input types (MatMulInteger and ConvInteger take int8/uint8 with
 * zero points of the same type; QuantizeLinear/DequantizeLinear zero points match their data).
 */
public final class OnnxChecks {
    private OnnxChecks() {
    }

    /** Every rule {@code model} breaks, one line each naming the node, value or initializer; empty if none. */
    public static List<String> problems(ModelProto model) {
        List<String> problems = new ArrayList<>();
        if (model.getIrVersion() <= 0) {
            problems.add("model: ir_version is not set");
        }
        if (!model.hasGraph()) {
            problems.add("model: no graph");
            return problems;
        }
        Set<String> domains = new HashSet<>();
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            if (!domains.add(normalized(opset.getDomain()))) {
                problems.add("opset_import: domain '" + opset.getDomain() + "' imported twice");
            }
        }
        checkGraph(model.getGraph(), Set.of(), domains, problems);
        return problems;
    }

    /**
     * Fails with every problem of {@code model} if it has any.
     *
     * @throws IllegalStateException naming {@code what} and the problems (at most 10 listed)
     */
    public static void requireValid(ModelProto model, String what) {
        List<String> problems = problems(model);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(what + " breaks " + problems.size() + " ONNX checker rule(s): "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    private static void checkGraph(GraphProto graph, Set<String> outerScope, Set<String> domains,
                                   List<String> problems) {
        Set<String> available = new HashSet<>(outerScope);
        Set<String> defined = new HashSet<>();
        for (ValueInfoProto input : graph.getInputList()) {
            if (!defined.add(input.getName())) {
                problems.add("graph input '" + input.getName() + "' is declared twice");
            }
        }
        available.addAll(defined);
        Set<String> initializers = new HashSet<>();
        for (TensorProto t : graph.getInitializerList()) {
            if (!initializers.add(t.getName())) {
                problems.add("initializer '" + t.getName() + "' is declared twice");
            }
            checkInitializer(t, problems);
            available.add(t.getName());
        }
        Set<String> nodeNames = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) {
            String where = "node '" + node.getName() + "' (" + node.getOpType() + ")";
            if (!node.getName().isEmpty() && !nodeNames.add(node.getName())) {
                problems.add(where + ": node name used twice");
            }
            if (!domains.contains(normalized(node.getDomain()))) {
                problems.add(where + ": no opset import for domain '" + node.getDomain() + "'");
            }
            for (String input : node.getInputList()) {
                if (!input.isEmpty() && !available.contains(input)) {
                    problems.add(where + ": input '" + input + "' is not a graph input, an initializer or the"
                            + " output of an earlier node");
                }
            }
            for (AttributeProto a : node.getAttributeList()) {
                if (a.hasG()) {
                    checkGraph(a.getG(), available, domains, problems);
                }
                for (GraphProto g : a.getGraphsList()) {
                    checkGraph(g, available, domains, problems);
                }
            }
            for (String output : node.getOutputList()) {
                if (output.isEmpty()) {
                    continue;
                }
                if (!defined.add(output) || initializers.contains(output)) {
                    problems.add(where + ": output '" + output + "' is already defined (values are assigned once)");
                }
                available.add(output);
            }
        }
        for (ValueInfoProto output : graph.getOutputList()) {
            if (!available.contains(output.getName())) {
                problems.add("graph output '" + output.getName() + "' is produced by no node");
            }
        }
        Map<String, Integer> types = ValueTypes.infer(graph);
        checkValueInfo(graph, types, problems);
        QuantizedOpChecks.check(graph, types, problems);
    }

    private static void checkInitializer(TensorProto t, List<String> problems) {
        String where = "initializer '" + t.getName() + "'";
        if (t.getDataType() == TensorProto.DataType.UNDEFINED_VALUE) {
            problems.add(where + ": data type is not set");
            return;
        }
        if (t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return;
        }
        long elements = Tensors.elementCount(t.getDimsList());
        int size = Tensors.elementSize(t.getDataType());
        if (t.hasRawData() && size > 0 && t.getRawData().size() != elements * size) {
            problems.add(where + ": raw data holds " + t.getRawData().size() + " bytes, expected " + elements * size
                    + " for data type " + t.getDataType() + " and dims " + t.getDimsList());
        } else if (!t.hasRawData() && t.getDataType() == Tensors.FLOAT && t.getFloatDataCount() != elements) {
            problems.add(where + ": holds " + t.getFloatDataCount() + " floats, expected " + elements);
        }
    }

    private static void checkValueInfo(GraphProto graph, Map<String, Integer> types, List<String> problems) {
        Map<String, Integer> fixed = new java.util.HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            fixed.put(t.getName(), t.getDataType());
        }
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("Cast") || node.getOpType().equals("Constant")) {
                for (String out : node.getOutputList()) {
                    if (types.containsKey(out)) {
                        fixed.put(out, types.get(out));
                    }
                }
            }
        }
        List<ValueInfoProto> declared = new ArrayList<>(graph.getValueInfoList());
        declared.addAll(graph.getOutputList());
        for (ValueInfoProto v : declared) {
            if (!v.hasType() || !v.getType().hasTensorType()) {
                continue;
            }
            int elemType = v.getType().getTensorType().getElemType();
            if (elemType == 0) {
                problems.add("value_info '" + v.getName() + "': element type is not set");
            } else if (fixed.containsKey(v.getName()) && fixed.get(v.getName()) != elemType) {
                problems.add("value_info '" + v.getName() + "': declared element type " + elemType
                        + " but the value is of type " + fixed.get(v.getName()));
            }
        }
    }

    private static String normalized(String domain) {
        return domain.equals("ai.onnx") ? "" : domain;
    }
}
