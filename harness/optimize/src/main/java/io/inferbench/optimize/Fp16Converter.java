package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import io.inferbench.api.optimize.OptimizationStep.Fp16;
import io.inferbench.api.optimize.StepReport.ChangedNode;
import io.inferbench.api.optimize.StepReport.LeftAlone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * float32 to float16 as onnxconverter-common's {@code convert_float_to_float16}: float initializers, Constant
 * values and {@code Cast(to=float)} become float16, so the compute follows; with keep-io-types the graph's
 * float inputs get a Cast to float16 and its float outputs a Cast back; a blocked operator gets Casts to
 * float32 before its float inputs and back to float16 after its float outputs. Value types come from
 * {@link ValueTypes}; a blocked node whose input types are unknown is left as is and reported.
 */
final class Fp16Converter implements StepRewriter<Fp16> {
    @Override
    public Rewrite rewrite(ModelProto model, Fp16 step) {
        GraphProto graph = model.getGraph();
        Map<String, Integer> types = ValueTypes.infer(graph);
        GraphNames names = new GraphNames(graph);
        Set<String> blockedOnly = initializersReadOnlyByBlocked(graph, step);
        Map<String, String> renamed = new HashMap<>();
        List<NodeProto> nodes = new ArrayList<>();
        List<ChangedNode> changed = new ArrayList<>();
        List<LeftAlone> leftAlone = new ArrayList<>();
        GraphProto.Builder out = graph.toBuilder().clearNode().clearInitializer().clearValueInfo();

        if (step.keepIoTypes()) {
            for (ValueInfoProto input : graph.getInputList()) {
                if (isFloat(input) && !isInitializer(graph, input.getName())) {
                    String half = names.fresh(input.getName(), "_fp16");
                    nodes.add(cast(names.fresh(input.getName(), "_cast_to_fp16"), input.getName(), half, Tensors.FLOAT16));
                    renamed.put(input.getName(), half);
                }
            }
        } else {
            out.clearInput();
            graph.getInputList().forEach(i -> out.addInput(isFloat(i) ? toHalf(i) : i));
        }
        Map<String, String> outputsKeptFloat = new HashMap<>();
        if (step.keepIoTypes()) {
            for (ValueInfoProto output : graph.getOutputList()) {
                if (isFloat(output)) {
                    outputsKeptFloat.put(output.getName(), names.fresh(output.getName(), "_fp16"));
                }
            }
        } else {
            out.clearOutput();
            graph.getOutputList().forEach(o -> out.addOutput(isFloat(o) ? toHalf(o) : o));
        }

        for (NodeProto node : graph.getNodeList()) {
            NodeProto.Builder b = node.toBuilder();
            for (int i = 0; i < b.getInputCount(); i++) {
                String in = b.getInput(i);
                b.setInput(i, renamed.getOrDefault(in, outputsKeptFloat.getOrDefault(in, in)));
            }
            for (int i = 0; i < b.getOutputCount(); i++) {
                b.setOutput(i, outputsKeptFloat.getOrDefault(b.getOutput(i), b.getOutput(i)));
            }
            if (step.opBlockList().contains(node.getOpType())) {
                blocked(node, b, types, names, blockedOnly, nodes, changed, leftAlone);
                continue;
            }
            if (toHalf(b)) {
                changed.add(new ChangedNode(node.getName(), node.getOpType(), "float16 " + (node.getOpType().equals("Cast")
                        ? "cast target" : "constant")));
            }
            nodes.add(b.build());
        }
        outputsKeptFloat.forEach((output, half) -> nodes.add(cast(names.fresh(output, "_cast_to_fp32"), half, output,
                Tensors.FLOAT)));

        for (TensorProto t : graph.getInitializerList()) {
            out.addInitializer(Tensors.isStoredFloat(t) && !blockedOnly.contains(t.getName())
                    ? Tensors.float16Tensor(t.getName(), Tensors.floats(t), t.getDimsList()) : t);
        }
        for (ValueInfoProto v : graph.getValueInfoList()) {
            out.addValueInfo(isFloat(v) && !blockedOnly.contains(v.getName()) ? toHalf(v) : v);
        }
        out.addAllNode(nodes);
        return new Rewrite(model.toBuilder().setGraph(out).build(), changed, leftAlone, OptionalDouble.empty());
    }

    /** A blocked node computes in float32: Casts around its float inputs and outputs. */
    private static void blocked(NodeProto node, NodeProto.Builder b, Map<String, Integer> types, GraphNames names,
                                Set<String> blockedOnly, List<NodeProto> nodes, List<ChangedNode> changed,
                                List<LeftAlone> leftAlone) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < node.getInputCount(); i++) {
            if (!node.getInput(i).isEmpty() && !types.containsKey(node.getInput(i))) {
                unknown.add(node.getInput(i));
            }
        }
        if (!unknown.isEmpty()) {
            leftAlone.add(new LeftAlone(node.getName(), node.getOpType(), "in the op block list, but the element type"
                    + " of " + unknown + " is unknown, so no Casts were added around it"));
            nodes.add(b.build());
            return;
        }
        for (int i = 0; i < b.getInputCount(); i++) {
            String in = node.getInput(i);
            if (!in.isEmpty() && types.get(in) == Tensors.FLOAT && !blockedOnly.contains(in)) {
                String full = names.fresh(in, "_fp32");
                nodes.add(cast(names.fresh(in, "_cast_to_fp32"), b.getInput(i), full, Tensors.FLOAT));
                b.setInput(i, full);
            }
        }
        List<NodeProto> after = new ArrayList<>();
        for (int i = 0; i < b.getOutputCount(); i++) {
            String output = b.getOutput(i);
            if (!output.isEmpty() && Integer.valueOf(Tensors.FLOAT).equals(types.get(node.getOutput(i)))) {
                String full = names.fresh(output, "_fp32");
                b.setOutput(i, full);
                after.add(cast(names.fresh(output, "_cast_to_fp16"), full, output, Tensors.FLOAT16));
            }
        }
        nodes.add(b.build());
        nodes.addAll(after);
        leftAlone.add(new LeftAlone(node.getName(), node.getOpType(), "in the op block list: kept in float32 with Casts"));
    }

    /** Changes a Constant's float value or a Cast's float target to float16; true if it changed. */
    private static boolean toHalf(NodeProto.Builder node) {
        boolean changed = false;
        for (int i = 0; i < node.getAttributeCount(); i++) {
            AttributeProto a = node.getAttribute(i);
            if (node.getOpType().equals("Cast") && a.getName().equals("to") && a.getI() == Tensors.FLOAT) {
                node.setAttribute(i, a.toBuilder().setI(Tensors.FLOAT16));
                changed = true;
            } else if ((node.getOpType().equals("Constant") || node.getOpType().equals("ConstantOfShape"))
                    && a.hasT() && Tensors.isStoredFloat(a.getT())) {
                TensorProto t = a.getT();
                node.setAttribute(i, a.toBuilder().setT(Tensors.float16Tensor(t.getName(), Tensors.floats(t),
                        t.getDimsList())));
                changed = true;
            }
        }
        if (node.getOpType().equals("ConstantOfShape") && node.getAttributeCount() == 0) {
            // The default value is float 0: spell it out in float16.
            node.addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                    .setT(Tensors.float16Tensor("value", new float[] {0f}, List.of(1L))));
            changed = true;
        }
        return changed;
    }

    /** Float initializers that only blocked nodes read: they stay float32 (no Cast needed). */
    private static Set<String> initializersReadOnlyByBlocked(GraphProto graph, Fp16 step) {
        Set<String> readByOthers = new HashSet<>();
        Set<String> readByBlocked = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) {
            (step.opBlockList().contains(node.getOpType()) ? readByBlocked : readByOthers).addAll(node.getInputList());
        }
        graph.getOutputList().forEach(o -> readByOthers.add(o.getName()));
        Set<String> only = new HashSet<>();
        for (TensorProto t : graph.getInitializerList()) {
            if (readByBlocked.contains(t.getName()) && !readByOthers.contains(t.getName())) {
                only.add(t.getName());
            }
        }
        return only;
    }

    private static boolean isInitializer(GraphProto graph, String name) {
        return graph.getInitializerList().stream().anyMatch(t -> t.getName().equals(name));
    }

    private static boolean isFloat(ValueInfoProto v) {
        return ValueTypes.declared(v).orElse(0) == Tensors.FLOAT;
    }

    private static ValueInfoProto toHalf(ValueInfoProto v) {
        var b = v.toBuilder();
        b.getTypeBuilder().getTensorTypeBuilder().setElemType(Tensors.FLOAT16);
        return b.build();
    }

    private static NodeProto cast(String name, String input, String output, int to) {
        return GraphNames.node("Cast", name, List.of(input), List.of(output), GraphNames.intAttribute("to", to));
    }
}
