package io.inferbench.optimize;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the Constant nodes that feed a weight input (input 1 of MatMul, Gemm and Conv, their bias, a Gather's
 * table) into initializers of the same name, as ONNX Runtime's quantization pre-processing does: some exporters
 * (PaddlePaddle's) write every weight as a Constant node, and the rewriters take weights from initializers.
 */
final class ConstantWeights {
    private ConstantWeights() {
    }

    static ModelProto lift(ModelProto model, List<String> opTypes) {
        GraphProto graph = model.getGraph();
        Set<String> weightInputs = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) {
            if (!opTypes.contains(node.getOpType())) {
                continue;
            }
            if (node.getOpType().equals("Gather")) {
                weightInputs.add(node.getInput(0));
            } else {
                for (int i = 1; i < node.getInputCount(); i++) {
                    weightInputs.add(node.getInput(i));
                }
            }
        }
        GraphProto.Builder out = graph.toBuilder().clearNode();
        boolean lifted = false;
        for (NodeProto node : graph.getNodeList()) {
            AttributeProto value = node.getOpType().equals("Constant") && node.getOutputCount() == 1
                    && weightInputs.contains(node.getOutput(0))
                    ? ValueTypes.attribute(node, "value").filter(AttributeProto::hasT).orElse(null) : null;
            if (value == null) {
                out.addNode(node);
            } else {
                out.addInitializer(value.getT().toBuilder().setName(node.getOutput(0)));
                lifted = true;
            }
        }
        return lifted ? model.toBuilder().setGraph(out).build() : model;
    }
}
