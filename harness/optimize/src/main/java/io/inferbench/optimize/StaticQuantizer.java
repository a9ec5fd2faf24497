package io.inferbench.optimize;

import io.inferbench.api.optimize.ActivationRange;
import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.OptimizationStep.Calibration;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import io.inferbench.api.optimize.StepReport.ChangedNode;
import io.inferbench.api.optimize.StepReport.LeftAlone;
import io.inferbench.onnx.OnnxModelFiles;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.TypeProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Static int8 as ONNX Runtime's {@code quantize_static} writes QDQ models: each quantized node reads its activation
 * through {@code QuantizeLinear -> DequantizeLinear} (uint8, asymmetric, one pair per activation shared by its
 * consumers) and its weight through {@code DequantizeLinear} of an int8 initializer; ONNX Runtime fuses the groups
 * into integer kernels. The activations' ranges are calibrated: the model is written with them as extra graph
 * outputs, run on samples by the harness ({@link ActivationSampler}, the configuration's backend on the scenario's
 * inputs), and each range is taken by the calibration's method ({@link ActivationRange}).
 */
final class StaticQuantizer implements StepRewriter<Quantize> {
    /**
     * QuantizeLinear and DequantizeLinear exist from opset 10 (an opset 9 model is raised to 10 first,
     * {@link OpsetUpgrade}); their axis (per channel) from 13.
     */
    static final int MIN_OPSET = 10;
    static final int PER_CHANNEL_OPSET = 13;
    private static final List<String> OP_TYPES = List.of("MatMul", "Gemm", "Conv");

    private final ActivationSampler sampler;
    private final Path calibrationModel;

    /** @param calibrationModel where the model with the activations as outputs is written for the sampler */
    StaticQuantizer(ActivationSampler sampler, Path calibrationModel) {
        this.sampler = sampler;
        this.calibrationModel = calibrationModel;
    }

    @Override
    public Rewrite rewrite(ModelProto model, Quantize step) {
        if (step.mode() != Quantize.Mode.STATIC_INT8) {
            return new DynamicQuantizer().rewrite(model, step);
        }
        long opset = DynamicQuantizer.defaultOpset(model);
        List<ChangedNode> upgraded = List.of();
        if (opset == OpsetUpgrade.FROM) {
            OpsetUpgrade.Upgraded up = OpsetUpgrade.to10(model);
            model = up.model();
            upgraded = up.changed();
            opset = OpsetUpgrade.TO;
        }
        if (opset < MIN_OPSET) {
            throw new IllegalArgumentException("quantize.mode: static-int8 writes QuantizeLinear/DequantizeLinear,"
                    + " which need opset " + MIN_OPSET + "; the model imports opset " + opset + " (use dynamic-int8)");
        }
        if (step.perChannel() && opset < PER_CHANNEL_OPSET) {
            throw new IllegalArgumentException("quantize.per-channel: static-int8 per channel needs opset "
                    + PER_CHANNEL_OPSET + " (DequantizeLinear's axis); the model imports opset " + opset);
        }
        model = ConstantWeights.lift(model, step.opTypes());
        QuantizedGraph probe = new QuantizedGraph(model.getGraph());
        List<LeftAlone> leftAlone = new ArrayList<>();
        List<NodeProto> candidates = new ArrayList<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (!step.opTypes().contains(node.getOpType()) || !node.getDomain().isEmpty()) {
                continue;
            }
            Optional<String> why = step.excludeNodes().contains(node.getName()) ? Optional.of("excluded by exclude-nodes")
                    : !OP_TYPES.contains(node.getOpType()) ? Optional.of("static int8 quantizes " + OP_TYPES + " here")
                    : node.getOpType().equals("Gemm") && DynamicQuantizer.intAttribute(node, "transA", 0) != 0
                    ? Optional.of("transA=1 (the activation would need a transpose first)")
                    : DynamicQuantizer.weightProblem(probe, node, 1, node.getOpType().equals("Conv") ? -1 : 2);
            if (why.isPresent()) {
                leftAlone.add(new LeftAlone(node.getName(), node.getOpType(), why.get()));
            } else {
                candidates.add(node);
            }
        }
        Set<String> activations = new LinkedHashSet<>();
        candidates.forEach(n -> activations.add(n.getInput(0)));
        Map<String, float[]> ranges = calibrate(model, List.copyOf(activations), step.calibration());
        Rewrite rewrite = quantized(model, step, candidates, ranges, leftAlone);
        if (upgraded.isEmpty()) {
            return rewrite;
        }
        List<ChangedNode> changed = new ArrayList<>(upgraded);
        changed.addAll(rewrite.changed());
        return new Rewrite(rewrite.model(), changed, rewrite.leftAlone(), rewrite.achievedSparsity());
    }

    private Map<String, float[]> calibrate(ModelProto model, List<String> activations, Calibration calibration) {
        if (activations.isEmpty()) {
            return Map.of();
        }
        Map<String, ActivationRange> observed;
        try {
            OnnxModelFiles.write(withOutputs(model, activations), calibrationModel);
            ActivationSampler.Observed o = sampler.observe(calibrationModel, activations, calibration.samples());
            if (o.runs() == 0) {
                throw new IllegalArgumentException("quantize.calibration: no calibration sample could be run");
            }
            observed = o.ranges();
        } catch (IOException e) {
            throw new UncheckedIOException("static-int8 calibration: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(calibrationModel);
            } catch (IOException e) {
                // a leftover calibration model is harmless
            }
        }
        Map<String, float[]> ranges = new HashMap<>();
        for (String name : activations) {
            ActivationRange r = observed.get(name);
            if (r == null || r.count() == 0) {
                throw new IllegalArgumentException("quantize.calibration: the calibration runs returned no values"
                        + " for activation '" + name + "'");
            }
            ranges.put(name, r.range(calibration.method()));
        }
        return ranges;
    }

    /** {@code model} with {@code names} added as float graph outputs (the ones not outputs already). */
    static ModelProto withOutputs(ModelProto model, List<String> names) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        Set<String> outputs = new java.util.HashSet<>();
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
        for (String name : names) {
            if (outputs.add(name)) {
                graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(Tensors.FLOAT))));
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static Rewrite quantized(ModelProto model, Quantize step, List<NodeProto> candidates,
                                     Map<String, float[]> ranges, List<LeftAlone> leftAlone) {
        QuantizedGraph graph = new QuantizedGraph(model.getGraph());
        Map<String, String> dequantized = new HashMap<>();
        Set<NodeProto> quantize = new java.util.HashSet<>(candidates);
        List<ChangedNode> changed = new ArrayList<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (!quantize.contains(node)) {
                graph.keep(node);
                continue;
            }
            String x = dequantized.computeIfAbsent(node.getInput(0), a -> qdq(graph, a, ranges.get(a)));
            boolean gemm = node.getOpType().equals("Gemm");
            boolean transB = gemm && DynamicQuantizer.intAttribute(node, "transB", 0) != 0;
            float alpha = gemm ? DynamicQuantizer.floatAttribute(node, "alpha", 1f) : 1f;
            int axis = !step.perChannel() ? -1 : node.getOpType().equals("Conv") ? 0 : 1;
            var w = graph.weight(node.getInput(1), step.weightType(), axis, transB, alpha);
            String wDq = graph.fresh(w.quantized(), "_DequantizeLinear_Output");
            graph.emit(axis < 0 ? GraphNames.node("DequantizeLinear", graph.fresh(w.quantized(), "_DequantizeLinear"),
                    List.of(w.quantized(), w.scale(), w.zeroPoint()), List.of(wDq))
                    : GraphNames.node("DequantizeLinear", graph.fresh(w.quantized(), "_DequantizeLinear"),
                    List.of(w.quantized(), w.scale(), w.zeroPoint()), List.of(wDq),
                    GraphNames.intAttribute("axis", axis)));
            NodeProto.Builder rewritten = node.toBuilder().setInput(0, x).setInput(1, wDq);
            if (gemm) {
                // transB and alpha are folded into the quantized weight.
                rewritten.clearAttribute();
                node.getAttributeList().stream().filter(a -> !a.getName().equals("transB") && !a.getName().equals("alpha"))
                        .forEach(rewritten::addAttribute);
            }
            graph.emit(rewritten.build());
            changed.add(new ChangedNode(node.getName(), node.getOpType(), "QuantizeLinear/DequantizeLinear on the"
                    + " activation (uint8, " + step.calibration().method().spelling() + " range) + DequantizeLinear"
                    + " of " + step.weightType().spelling() + " weights " + (axis < 0 ? "per tensor" : "per channel")));
        }
        return new Rewrite(model.toBuilder().setGraph(graph.build()).build(), changed, leftAlone,
                OptionalDouble.empty());
    }

    /** {@code QuantizeLinear -> DequantizeLinear} of {@code activation} with uint8 parameters from its range. */
    private static String qdq(QuantizedGraph graph, String activation, float[] range) {
        float scale = (range[1] - range[0]) / 255f;
        int zeroPoint;
        if (scale < Math.ulp(1f)) {
            scale = 1f;
            zeroPoint = 0;
        } else {
            zeroPoint = Math.max(0, Math.min(255, (int) Math.rint(-range[0] / scale)));
        }
        String scaleName = graph.fresh(activation, "_scale");
        String zeroName = graph.fresh(activation, "_zero_point");
        graph.addInitializer(Tensors.floatTensor(scaleName, new float[] {scale}, List.of()));
        graph.addInitializer(Tensors.byteTensor(zeroName, Tensors.UINT8, new byte[] {(byte) zeroPoint}, List.of()));
        String q = graph.fresh(activation, "_QuantizeLinear_Output");
        String dq = graph.fresh(activation, "_DequantizeLinear_Output");
        graph.emit(GraphNames.node("QuantizeLinear", graph.fresh(activation, "_QuantizeLinear"),
                List.of(activation, scaleName, zeroName), List.of(q)));
        graph.emit(GraphNames.node("DequantizeLinear", graph.fresh(activation, "_DequantizeLinear"),
                List.of(q, scaleName, zeroName), List.of(dq)));
        return dq;
    }
}
