package io.inferbench.optimize;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Fresh node and value names for a graph being rewritten (a suffix, then a counter where taken). */
final class GraphNames {
    private final Set<String> taken = new HashSet<>();

    GraphNames(GraphProto graph) {
        graph.getInputList().forEach(v -> taken.add(v.getName()));
        graph.getOutputList().forEach(v -> taken.add(v.getName()));
        graph.getValueInfoList().stream().map(ValueInfoProto::getName).forEach(taken::add);
        graph.getInitializerList().stream().map(TensorProto::getName).forEach(taken::add);
        for (NodeProto node : graph.getNodeList()) {
            taken.add(node.getName());
            taken.addAll(node.getInputList());
            taken.addAll(node.getOutputList());
        }
    }

    /** {@code base + suffix}, or with {@code _2}, {@code _3}, ... appended until unused; reserved from then on. */
    String fresh(String base, String suffix) {
        String name = base + suffix;
        for (int i = 2; taken.contains(name); i++) {
            name = base + suffix + "_" + i;
        }
        taken.add(name);
        return name;
    }

    static NodeProto node(String opType, String name, List<String> inputs, List<String> outputs,
                          AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(opType).setName(name).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)).build();
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }
}
