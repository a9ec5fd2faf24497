package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph {@link DynamicQuantizer} writes: nodes in order (each new node emitted where the node it
 * replaces was), quantized weights made once per source initializer, one DynamicQuantizeLinear per activation,
 * and at the end the float initializers no node reads any more dropped.
 */
final class QuantizedGraph {
    /** The names DynamicQuantizeLinear gives an activation's quantized value, scale and zero point. */
    record Activation(String quantized, String scale, String zeroPoint) {
    }

    /** A quantized weight initializer with its scale and zero point initializers. */
    record Weight(String quantized, String scale, String zeroPoint) {
    }

    private final GraphProto source;
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final List<TensorProto> added = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private final Map<String, Activation> activations = new HashMap<>();
    private final Map<String, Weight> weights = new HashMap<>();
    private final GraphNames names;

    QuantizedGraph(GraphProto source) {
        this.source = source;
        source.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        this.names = new GraphNames(source);
    }

    TensorProto initializer(String name) {
        return initializers.get(name);
    }

    void keep(NodeProto node) {
        nodes.add(node);
    }

    void emit(NodeProto node) {
        nodes.add(node);
    }

    /** A new initializer, kept in the built graph. */
    void addInitializer(TensorProto tensor) {
        added.add(tensor);
    }

    String fresh(String base, String suffix) {
        return names.fresh(base, suffix);
    }

    /** {@code value} quantized at run time; the DynamicQuantizeLinear is emitted on first use. */
    Activation activation(String value) {
        return activations.computeIfAbsent(value, v -> {
            Activation a = new Activation(fresh(v, "_quantized"), fresh(v, "_scale"), fresh(v, "_zero_point"));
            emit(GraphNames.node("DynamicQuantizeLinear", fresh(v, "_QuantizeLinear"), List.of(v),
                    List.of(a.quantized(), a.scale(), a.zeroPoint())));
            return a;
        });
    }

    /**
     * The weight {@code name} quantized (transposed first if asked, its scales multiplied by {@code scaleFactor}),
     * made once per variant.
     */
    Weight weight(String name, Quantize.WeightType type, int axis, boolean transpose, float scaleFactor) {
        String key = name + "|" + type + "|" + axis + "|" + transpose + "|" + scaleFactor;
        return weights.computeIfAbsent(key, k -> {
            TensorProto w = initializers.get(name);
            float[] values = Tensors.floats(w);
            List<Long> dims = w.getDimsList();
            if (transpose) {
                values = transposed(values, dims.get(0).intValue(), dims.get(1).intValue());
                dims = List.of(dims.get(1), dims.get(0));
            }
            int dataType = type == Quantize.WeightType.INT8 ? Tensors.INT8 : Tensors.UINT8;
            var q = WeightQuantizer.quantize(values, dims, dataType, axis);
            float[] scales = q.scales().clone();
            for (int i = 0; i < scales.length; i++) {
                scales[i] *= scaleFactor;
            }
            String base = transpose || scaleFactor != 1f ? name + "_gemm" : name;
            Weight weight = new Weight(fresh(base, "_quantized"), fresh(base, "_scale"), fresh(base, "_zero_point"));
            List<Long> channelDims = axis < 0 ? List.of() : List.of((long) scales.length);
            added.add(Tensors.byteTensor(weight.quantized(), dataType, q.values(), dims));
            added.add(Tensors.floatTensor(weight.scale(), scales, channelDims));
            added.add(Tensors.byteTensor(weight.zeroPoint(), dataType, q.zeroPoints(), channelDims));
            return weight;
        });
    }

    /**
     * {@code op(A_q, W_q, A_zp, W_zp)} (int32) + Cast to float + Mul by {@code A_scale * W_scale}, writing
     * {@code output}.
     */
    void integerProduct(NodeProto node, String op, Activation a, Weight w, List<AttributeProto> attributes,
                        String output) {
        String base = node.getName().isEmpty() ? output : node.getName();
        String integer = fresh(output, "_output_quantized");
        String cast = fresh(integer, "_cast_output");
        String scales = fresh(base, "_quant_scales_mul:0");
        emit(NodeProto.newBuilder().setOpType(op).setName(fresh(base, "_quant"))
                .addAllInput(List.of(a.quantized(), w.quantized(), a.zeroPoint(), w.zeroPoint()))
                .addOutput(integer).addAllAttribute(attributes).build());
        emit(GraphNames.node("Cast", fresh(integer, "_cast"), List.of(integer), List.of(cast),
                GraphNames.intAttribute("to", Tensors.FLOAT)));
        emit(GraphNames.node("Mul", fresh(base, "_quant_scales_mul"), List.of(a.scale(), w.scale()), List.of(scales)));
        emit(GraphNames.node("Mul", fresh(base, "_quant_output_scale_mul"), List.of(cast, scales), List.of(output)));
    }

    /** Gather on the table quantized to uint8 (per tensor, as ONNX Runtime does), then DequantizeLinear. */
    void dequantizedGather(NodeProto node) {
        Weight table = weight(node.getInput(0), Quantize.WeightType.UINT8, -1, false, 1f);
        String gathered = fresh(node.getOutput(0), "_quantized");
        emit(node.toBuilder().setInput(0, table.quantized()).setOutput(0, gathered).build());
        emit(GraphNames.node("DequantizeLinear", fresh(node.getOutput(0), "_DequantizeLinear"),
                List.of(gathered, table.scale(), table.zeroPoint()), List.of(node.getOutput(0))));
    }

    /** A new initializer: constant {@code name} times {@code factor}. */
    String scaledConstant(String name, float factor) {
        TensorProto c = initializers.get(name);
        float[] values = Tensors.floats(c);
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        String scaled = fresh(name, "_scaled");
        added.add(Tensors.floatTensor(scaled, values, c.getDimsList()));
        return scaled;
    }

    /** A Conv bias [C] as a new initializer [1, C, 1, ...] that broadcasts over an output of {@code rank}. */
    String channelBias(String name, int rank) {
        TensorProto b = initializers.get(name);
        List<Long> dims = new ArrayList<>(List.of(1L, Tensors.elementCount(b.getDimsList())));
        while (dims.size() < rank) {
            dims.add(1L);
        }
        String reshaped = fresh(name, "_reshaped");
        added.add(Tensors.floatTensor(reshaped, Tensors.floats(b), dims));
        return reshaped;
    }

    /** The rewritten graph: the nodes in order, the initializers still read plus the new ones. */
    GraphProto build() {
        Set<String> read = new HashSet<>();
        for (NodeProto node : nodes) {
            collectInputs(node, read);
        }
        source.getOutputList().forEach(o -> read.add(o.getName()));
        Set<String> dropped = new HashSet<>(initializers.keySet());
        dropped.removeAll(read);
        GraphProto.Builder graph = source.toBuilder().clearNode().addAllNode(nodes).clearInitializer();
        source.getInitializerList().stream().filter(t -> !dropped.contains(t.getName())).forEach(graph::addInitializer);
        graph.addAllInitializer(added);
        graph.clearInput();
        source.getInputList().stream().filter(i -> !dropped.contains(i.getName())).forEach(graph::addInput);
        graph.clearValueInfo();
        source.getValueInfoList().stream().filter(v -> !dropped.contains(v.getName())).forEach(graph::addValueInfo);
        return graph.build();
    }

    static void collectInputs(NodeProto node, Set<String> read) {
        read.addAll(node.getInputList());
        for (AttributeProto a : node.getAttributeList()) {
            if (a.hasG()) {
                a.getG().getNodeList().forEach(n -> collectInputs(n, read));
            }
            a.getGraphsList().forEach(g -> g.getNodeList().forEach(n -> collectInputs(n, read)));
        }
    }

    private static float[] transposed(float[] values, int rows, int cols) {
        float[] t = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return t;
    }
}
