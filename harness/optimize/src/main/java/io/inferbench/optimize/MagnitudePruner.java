package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.api.optimize.OptimizationStep.Prune;
import io.inferbench.api.optimize.StepReport.ChangedNode;
import io.inferbench.api.optimize.StepReport.LeftAlone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Magnitude pruning of the weight initializers of MatMul/Gemm (B) and Conv (W): the smallest |w| (or, with
 * structure channels, the output channels of smallest mean |w|) become 0, each weight to its own threshold
 * (per-tensor) or all to one (global). The model keeps its dense layout: the zeros are stored and computed.
 */
final class MagnitudePruner implements StepRewriter<Prune> {
    /** A weight to prune: its values and how its output channels are laid out. */
    private record Weight(TensorProto tensor, float[] values, int channels, int channelStride, boolean channelsOuter) {
        /** The channel of flat index {@code i}. */
        int channel(int i) {
            return channelsOuter ? i / channelStride : i % channels;
        }
    }

    @Override
    public Rewrite rewrite(ModelProto model, Prune step) {
        model = ConstantWeights.lift(model, Prune.OP_TYPES);
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        Map<String, Weight> weights = new LinkedHashMap<>();
        Map<String, List<NodeProto>> readers = new LinkedHashMap<>();
        List<LeftAlone> leftAlone = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (!Prune.OP_TYPES.contains(node.getOpType())) {
                continue;
            }
            String name = node.getInputCount() > 1 ? node.getInput(1) : "";
            TensorProto t = initializers.get(name);
            if (t == null || !Tensors.isStoredFloat(t) || t.getDimsCount() < 2) {
                leftAlone.add(new LeftAlone(node.getName(), node.getOpType(), "weight '" + name
                        + "' is not a float constant of rank 2 or more"));
                continue;
            }
            weights.computeIfAbsent(name, n -> weight(t, node));
            readers.computeIfAbsent(name, n -> new ArrayList<>()).add(node);
        }
        if (step.structure() == Prune.Structure.CHANNELS) {
            pruneChannels(weights, step);
        } else {
            pruneUnstructured(weights, step);
        }
        List<ChangedNode> changed = new ArrayList<>();
        long zeros = 0;
        long total = 0;
        Map<String, TensorProto> pruned = new HashMap<>();
        for (Weight w : weights.values()) {
            long z = 0;
            for (float v : w.values()) {
                z += v == 0f ? 1 : 0;
            }
            zeros += z;
            total += w.values().length;
            String became = String.format(Locale.ROOT, "weight '%s' %.1f%% zeros", w.tensor().getName(),
                    100.0 * z / w.values().length);
            readers.get(w.tensor().getName()).forEach(n -> changed.add(new ChangedNode(n.getName(), n.getOpType(), became)));
            pruned.put(w.tensor().getName(), Tensors.floatTensor(w.tensor().getName(), w.values(), w.tensor().getDimsList()));
        }
        GraphProto.Builder out = graph.toBuilder().clearInitializer();
        graph.getInitializerList().forEach(t -> out.addInitializer(pruned.getOrDefault(t.getName(), t)));
        OptionalDouble sparsity = total == 0 ? OptionalDouble.of(0) : OptionalDouble.of((double) zeros / total);
        return new Rewrite(model.toBuilder().setGraph(out).build(), changed, leftAlone, sparsity);
    }

    /** MatMul B [K, N] and Gemm B (transB: [N, K]) have output channels N; Conv W [C_out, ...] its first axis. */
    private static Weight weight(TensorProto t, NodeProto node) {
        float[] values = Tensors.floats(t);
        List<Long> dims = t.getDimsList();
        boolean transB = node.getOpType().equals("Gemm") && DynamicQuantizer.intAttribute(node, "transB", 0) != 0;
        boolean outer = node.getOpType().equals("Conv") || transB || dims.size() > 2 && !node.getOpType().equals("MatMul");
        if (outer) {
            int channels = dims.get(0).intValue();
            return new Weight(t, values, channels, values.length / channels, true);
        }
        int channels = dims.get(dims.size() - 1).intValue();
        return new Weight(t, values, channels, 1, false);
    }

    private static void pruneUnstructured(Map<String, Weight> weights, Prune step) {
        if (step.scope() == Prune.Scope.PER_TENSOR) {
            for (Weight w : weights.values()) {
                zeroSmallest(List.of(w.values()), step.sparsity());
            }
        } else {
            zeroSmallest(weights.values().stream().map(Weight::values).toList(), step.sparsity());
        }
    }

    /** Sets the {@code floor(sparsity * n)} values of smallest magnitude (over all arrays together) to 0. */
    private static void zeroSmallest(List<float[]> arrays, double sparsity) {
        int n = arrays.stream().mapToInt(a -> a.length).sum();
        int k = (int) Math.floor(sparsity * n);
        if (k == 0) {
            return;
        }
        float[] magnitudes = new float[n];
        int at = 0;
        for (float[] a : arrays) {
            for (float v : a) {
                magnitudes[at++] = Math.abs(v);
            }
        }
        Arrays.sort(magnitudes);
        float threshold = magnitudes[k - 1];
        int belowOrTies = 0;
        for (int i = 0; i < k; i++) {
            belowOrTies += magnitudes[i] == threshold ? 1 : 0;
        }
        // Everything under the threshold goes, and as many values equal to it as fit in k.
        int tiesLeft = belowOrTies;
        for (float[] a : arrays) {
            for (int i = 0; i < a.length; i++) {
                float m = Math.abs(a[i]);
                if (m < threshold) {
                    a[i] = 0f;
                } else if (m == threshold && tiesLeft > 0) {
                    a[i] = 0f;
                    tiesLeft--;
                }
            }
        }
    }

    /** Zeroes whole output channels, ranked by mean |w| (comparable across weights of different sizes). */
    private static void pruneChannels(Map<String, Weight> weights, Prune step) {
        record Channel(Weight weight, int index, double meanAbs) {
        }
        List<List<Channel>> groups = new ArrayList<>();
        List<Channel> all = new ArrayList<>();
        for (Weight w : weights.values()) {
            double[] sums = new double[w.channels()];
            for (int i = 0; i < w.values().length; i++) {
                sums[w.channel(i)] += Math.abs(w.values()[i]);
            }
            List<Channel> channels = new ArrayList<>();
            int perChannel = w.values().length / w.channels();
            for (int c = 0; c < w.channels(); c++) {
                channels.add(new Channel(w, c, sums[c] / perChannel));
            }
            if (step.scope() == Prune.Scope.PER_TENSOR) {
                groups.add(channels);
            } else {
                all.addAll(channels);
            }
        }
        if (step.scope() == Prune.Scope.GLOBAL) {
            groups.add(all);
        }
        for (List<Channel> group : groups) {
            List<Channel> ranked = new ArrayList<>(group);
            ranked.sort((a, b) -> Double.compare(a.meanAbs(), b.meanAbs()));
            int k = (int) Math.floor(step.sparsity() * ranked.size());
            for (Channel c : ranked.subList(0, k)) {
                float[] v = c.weight().values();
                for (int i = 0; i < v.length; i++) {
                    if (c.weight().channel(i) == c.index()) {
                        v[i] = 0f;
                    }
                }
            }
        }
    }
}
