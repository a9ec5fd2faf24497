package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import io.inferbench.api.optimize.StepReport.ChangedNode;
import io.inferbench.api.optimize.StepReport.LeftAlone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Dynamic int8 quantization as ONNX Runtime's {@code quantize_dynamic} writes it. A MatMul (or Gemm) with a
 * constant weight becomes {@code DynamicQuantizeLinear(A)} (one per activation, shared by its consumers) +
 * {@code MatMulInteger(A_q, W_q, A_zp, W_zp)} + {@code Cast} to float + {@code Mul} by
 * {@code A_scale * W_scale}; a Conv becomes the same around {@code ConvInteger} (uint8 weights, per tensor:
 * what ONNX Runtime's CPU kernel takes); a Gather of a constant table gathers uint8 rows and
 * {@code DequantizeLinear}s them. Weights are quantized offline ({@link WeightQuantizer}); activations need no
 * calibration. Activation x activation MatMuls stay float, as ONNX Runtime's {@code MatMulConstBOnly}.
 */
final class DynamicQuantizer implements StepRewriter<Quantize> {
    /** DynamicQuantizeLinear exists from opset 11. */
    static final int MIN_OPSET = 11;

    @Override
    public Rewrite rewrite(ModelProto model, Quantize step) {
        if (step.mode() != Quantize.Mode.DYNAMIC_INT8) {
            throw new IllegalArgumentException("quantize.mode: static-int8 needs calibration data (a dataset or"
                    + " the scenario's inputs); static quantization lands in a later version");
        }
        model = ConstantWeights.lift(model, step.opTypes());
        long opset = defaultOpset(model);
        QuantizedGraph graph = new QuantizedGraph(model.getGraph());
        List<ChangedNode> changed = new ArrayList<>();
        List<LeftAlone> leftAlone = new ArrayList<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (!step.opTypes().contains(node.getOpType()) || !node.getDomain().isEmpty()) {
                graph.keep(node);
                continue;
            }
            Optional<String> reason = step.excludeNodes().contains(node.getName())
                    ? Optional.of("excluded by exclude-nodes")
                    : opset < MIN_OPSET
                    ? Optional.of("the model imports opset " + opset + "; DynamicQuantizeLinear needs opset "
                    + MIN_OPSET)
                    : rewrite(graph, node, step);
            if (reason.isPresent()) {
                leftAlone.add(new LeftAlone(node.getName(), node.getOpType(), reason.get()));
                graph.keep(node);
            } else {
                changed.add(new ChangedNode(node.getName(), node.getOpType(), became(node.getOpType(), step)));
            }
        }
        return new Rewrite(model.toBuilder().setGraph(graph.build()).build(), changed, leftAlone,
                OptionalDouble.empty());
    }

    private static Optional<String> rewrite(QuantizedGraph graph, NodeProto node, Quantize step) {
        return switch (node.getOpType()) {
            case "MatMul" -> matMul(graph, node, step);
            case "Gemm" -> gemm(graph, node, step);
            case "Conv" -> conv(graph, node, step);
            case "Gather" -> gather(graph, node);
            default -> Optional.of("no dynamic int8 rewrite for " + node.getOpType()
                    + " (supported: " + Quantize.DEFAULT_OP_TYPES + ")");
        };
    }

    private static Optional<String> matMul(QuantizedGraph graph, NodeProto node, Quantize step) {
        Optional<String> why = weightProblem(graph, node, 1, 2);
        if (why.isPresent()) {
            return why;
        }
        var weight = graph.weight(node.getInput(1), step.weightType(), step.perChannel() ? 1 : -1, false, 1f);
        graph.integerProduct(node, "MatMulInteger", graph.activation(node.getInput(0)), weight, List.of(),
                node.getOutput(0));
        return Optional.empty();
    }

    private static Optional<String> gemm(QuantizedGraph graph, NodeProto node, Quantize step) {
        Optional<String> why = weightProblem(graph, node, 1, 2);
        if (why.isPresent()) {
            return why;
        }
        if (intAttribute(node, "transA", 0) != 0) {
            return Optional.of("transA=1 (the activation would need a transpose first)");
        }
        float alpha = floatAttribute(node, "alpha", 1f);
        float beta = floatAttribute(node, "beta", 1f);
        boolean hasBias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        if (hasBias && beta != 1f && graph.initializer(node.getInput(2)) == null) {
            return Optional.of("beta=" + beta + " with a bias C that is not a constant");
        }
        boolean transB = intAttribute(node, "transB", 0) != 0;
        var weight = graph.weight(node.getInput(1), step.weightType(), step.perChannel() ? 1 : -1, transB, alpha);
        var activation = graph.activation(node.getInput(0));
        if (!hasBias) {
            graph.integerProduct(node, "MatMulInteger", activation, weight, List.of(), node.getOutput(0));
            return Optional.empty();
        }
        String bias = beta == 1f ? node.getInput(2) : graph.scaledConstant(node.getInput(2), beta);
        String product = graph.fresh(node.getOutput(0), "_before_bias");
        graph.integerProduct(node, "MatMulInteger", activation, weight, List.of(), product);
        graph.emit(GraphNames.node("Add", graph.fresh(node.getName(), "_bias_add"), List.of(product, bias),
                List.of(node.getOutput(0))));
        return Optional.empty();
    }

    private static Optional<String> conv(QuantizedGraph graph, NodeProto node, Quantize step) {
        if (step.weightType() != Quantize.WeightType.UINT8) {
            return Optional.of("ONNX Runtime's CPU ConvInteger takes uint8 weights only (weight-type: uint8"
                    + " quantizes Conv)");
        }
        if (step.perChannel()) {
            return Optional.of("ONNX Runtime's ConvInteger takes one weight zero point per tensor (per-channel:"
                    + " false quantizes Conv)");
        }
        Optional<String> why = weightProblem(graph, node, 1, -1);
        if (why.isPresent()) {
            return why;
        }
        TensorProto w = graph.initializer(node.getInput(1));
        if (w.getDimsCount() < 3) {
            return Optional.of("weight '" + w.getName() + "' has rank " + w.getDimsCount() + ", expected at least 3");
        }
        boolean hasBias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        if (hasBias && graph.initializer(node.getInput(2)) == null) {
            return Optional.of("bias '" + node.getInput(2) + "' is not a constant");
        }
        var weight = graph.weight(node.getInput(1), step.weightType(), -1, false, 1f);
        var activation = graph.activation(node.getInput(0));
        String product = hasBias ? graph.fresh(node.getOutput(0), "_before_bias") : node.getOutput(0);
        graph.integerProduct(node, "ConvInteger", activation, weight, node.getAttributeList(), product);
        if (hasBias) {
            String bias = graph.channelBias(node.getInput(2), w.getDimsCount());
            graph.emit(GraphNames.node("Add", graph.fresh(node.getName(), "_bias_add"), List.of(product, bias),
                    List.of(node.getOutput(0))));
        }
        return Optional.empty();
    }

    private static Optional<String> gather(QuantizedGraph graph, NodeProto node) {
        TensorProto data = graph.initializer(node.getInput(0));
        if (data == null || !Tensors.isStoredFloat(data)) {
            return Optional.of("data '" + node.getInput(0) + "' is not a float constant");
        }
        graph.dequantizedGather(node);
        return Optional.empty();
    }

    /** Why input {@code index} of {@code node} cannot be quantized offline, if it cannot. */
    static Optional<String> weightProblem(QuantizedGraph graph, NodeProto node, int index, int rank) {
        if (node.getInputCount() <= index) {
            return Optional.of("no weight input");
        }
        TensorProto w = graph.initializer(node.getInput(index));
        if (w == null) {
            return Optional.of("input '" + node.getInput(index) + "' is not a constant (activation x activation"
                    + " stays float, as ONNX Runtime's MatMulConstBOnly)");
        }
        if (!Tensors.isStoredFloat(w)) {
            return Optional.of("weight '" + w.getName() + "' is not a float32 tensor stored in the model");
        }
        if (rank > 0 && w.getDimsCount() != rank) {
            return Optional.of("weight '" + w.getName() + "' has rank " + w.getDimsCount() + ", expected " + rank);
        }
        if (graph.initializer(node.getInput(0)) != null) {
            return Optional.of("input '" + node.getInput(0) + "' is a constant too (fold it instead)");
        }
        return Optional.empty();
    }

    private static String became(String opType, Quantize step) {
        String weights = step.weightType().spelling() + " weights " + (step.perChannel() ? "per channel" : "per tensor");
        return switch (opType) {
            case "Gather" -> "Gather of uint8 rows + DequantizeLinear";
            case "Conv" -> "DynamicQuantizeLinear + ConvInteger + Cast + Mul (+ Add bias), uint8 weights per tensor";
            default -> "DynamicQuantizeLinear + MatMulInteger + Cast + Mul" + (opType.equals("Gemm") ? " (+ Add C)" : "")
                    + ", " + weights;
        };
    }

    static long defaultOpset(ModelProto model) {
        return model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).findFirst().orElse(0);
    }

    static long intAttribute(NodeProto node, String name, long fallback) {
        return ValueTypes.attribute(node, name).map(AttributeProto::getI).orElse(fallback);
    }

    static float floatAttribute(NodeProto node, String name, float fallback) {
        return ValueTypes.attribute(node, name).map(AttributeProto::getF).orElse(fallback);
    }
}
