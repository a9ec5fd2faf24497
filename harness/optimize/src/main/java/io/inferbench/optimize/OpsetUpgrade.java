package io.inferbench.optimize;

import io.inferbench.api.optimize.StepReport.ChangedNode;
import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A default-domain opset 9 model raised to opset 10, so static int8 can write QuantizeLinear/DequantizeLinear
 * (PaddlePaddle exports its OCR classifier and recognizer at opset 9). Of the operators opset 10 changed, only
 * {@code Slice} is rewritten (its starts, ends and axes attributes become int64 inputs); a model with {@code TopK}
 * or {@code Upsample}, which changed too, is refused with the reason. Every other operator keeps its meaning.
 * Subgraphs (If/Loop bodies) are not upgraded: a model with them is refused.
 */
final class OpsetUpgrade {
    static final long FROM = 9;
    static final long TO = 10;
    private static final Set<String> REFUSED = Set.of("TopK", "Upsample", "If", "Loop", "Scan");

    /** The upgraded model and the nodes rewritten on the way. */
    record Upgraded(ModelProto model, List<ChangedNode> changed) {
    }

    private OpsetUpgrade() {
    }

    /** {@code model} at opset 10. @throws IllegalArgumentException naming the operator that cannot be upgraded */
    static Upgraded to10(ModelProto model) {
        GraphProto graph = model.getGraph();
        Set<String> names = new HashSet<>();
        graph.getInitializerList().forEach(t -> names.add(t.getName()));
        graph.getNodeList().forEach(n -> names.addAll(n.getOutputList()));
        GraphProto.Builder out = graph.toBuilder().clearNode();
        List<ChangedNode> changed = new java.util.ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                out.addNode(node);
                continue;
            }
            if (REFUSED.contains(node.getOpType())) {
                throw new IllegalArgumentException("quantize.mode: static-int8 needs opset " + TO + " and the model"
                        + " imports opset " + FROM + "; node " + node.getName() + " (" + node.getOpType() + ") changed"
                        + " meaning in opset " + TO + " and is not upgraded here (use dynamic-int8)");
            }
            if (!node.getOpType().equals("Slice")) {
                out.addNode(node);
                continue;
            }
            NodeProto.Builder slice = node.toBuilder().clearAttribute();
            for (String attribute : List.of("starts", "ends", "axes")) {
                AttributeProto a = attribute(node, attribute);
                if (a == null) {
                    if (!attribute.equals("axes")) {
                        throw new IllegalArgumentException("Slice " + node.getName() + " has no " + attribute);
                    }
                    continue;
                }
                String name = fresh(names, node.getName() + "_" + attribute);
                out.addInitializer(Tensors.int64Tensor(name, a.getIntsList().stream().mapToLong(Long::longValue)
                        .toArray(), List.of((long) a.getIntsCount())));
                slice.addInput(name);
            }
            out.addNode(slice);
            changed.add(new ChangedNode(node.getName(), "Slice", "Slice-10 with starts, ends and axes as inputs"
                    + " (opset 9 to 10, for QuantizeLinear/DequantizeLinear)"));
        }
        ModelProto.Builder upgraded = model.toBuilder().setGraph(out).clearOpsetImport();
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            boolean onnx = o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx");
            upgraded.addOpsetImport(onnx ? o.toBuilder().setVersion(TO).build() : o);
        }
        return new Upgraded(upgraded.build(), changed);
    }

    private static AttributeProto attribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
    }

    private static String fresh(Set<String> names, String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
