package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.api.optimize.OptimizationStep.Fp16;
import io.inferbench.api.optimize.OptimizationStep.Prune;
import java.util.List;
import org.junit.jupiter.api.Test;

class Fp16AndPruneStructureTest {
    private final OnnxOptimizer optimizer = OnnxOptimizer.pureJava();

    @Test
    void fp16KeepsFloatInputsAndOutputsWithCastsAtTheBoundary() {
        ModelProto half = optimizer.apply(TestGraphs.matMulAdd(), new Fp16(true, null)).model();
        GraphProto g = half.getGraph();
        assertTrue(g.getInitializerList().stream().allMatch(t -> t.getDataType() == Tensors.FLOAT16));
        assertEquals(Tensors.FLOAT, g.getInput(0).getType().getTensorType().getElemType());
        assertEquals(Tensors.FLOAT, g.getOutput(0).getType().getTensorType().getElemType());
        assertEquals("Cast", g.getNode(0).getOpType());
        assertEquals("x", g.getNode(0).getInput(0));
        assertEquals("Cast", g.getNode(g.getNodeCount() - 1).getOpType());
        assertEquals("y", g.getNode(g.getNodeCount() - 1).getOutput(0));
        assertEquals(List.of(), OnnxChecks.problems(half));
    }

    @Test
    void fp16WithoutKeepIoTypesChangesTheGraphsTypes() {
        ModelProto half = optimizer.apply(TestGraphs.matMulAdd(), new Fp16(false, null)).model();
        assertEquals(Tensors.FLOAT16, half.getGraph().getInput(0).getType().getTensorType().getElemType());
        assertEquals(List.of("MatMul", "Add"), half.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList());
    }

    @Test
    void blockedOpsComputeInFloat32BetweenCasts() {
        var step = new Fp16(true, List.of("Add"));
        var result = optimizer.apply(TestGraphs.matMulAdd(), step);
        GraphProto g = result.model().getGraph();
        assertEquals(List.of("Cast", "MatMul", "Cast", "Add", "Cast", "Cast"),
                g.getNodeList().stream().map(n -> n.getOpType()).toList());
        TensorProto b = g.getInitializerList().stream().filter(t -> t.getName().equals("b")).findFirst().orElseThrow();
        assertEquals(Tensors.FLOAT, b.getDataType(), "read only by the blocked Add: stays float32");
        assertEquals("add", result.reports().get(0).leftAlone().get(0).name());
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
    }

    @Test
    void float16RoundsToNearestEvenAndClipsToItsRange() {
        assertEquals(1f, Float16.toFloat(Float16.fromFloat(1f)));
        assertEquals(65504f, Float16.toFloat(Float16.fromFloat(1e9f)));
        assertEquals(-65504f, Float16.toFloat(Float16.fromFloat(-1e9f)));
        assertEquals(Float16.MIN_POSITIVE_SUBNORMAL, Float16.toFloat(Float16.fromFloat(1e-12f)));
        assertEquals(0.0999755859375f, Float16.toFloat(Float16.fromFloat(0.1f)));
        assertEquals(2048f, Float16.toFloat(Float16.fromFloat(2049f)), "tie to even");
        assertEquals(0f, Float16.toFloat(Float16.fromFloat(0f)));
    }

    @Test
    void unstructuredPruningZeroesTheSmallestWeights() {
        var result = optimizer.apply(TestGraphs.matMulAdd(), Prune.magnitude(0.5));
        float[] before = Tensors.floats(TestGraphs.matMulAdd().getGraph().getInitializer(0));
        float[] after = Tensors.floats(result.model().getGraph().getInitializer(0));
        int zeros = 0;
        float smallestKept = Float.MAX_VALUE;
        float largestPruned = 0;
        for (int i = 0; i < after.length; i++) {
            if (after[i] == 0) {
                zeros++;
                largestPruned = Math.max(largestPruned, Math.abs(before[i]));
            } else {
                smallestKept = Math.min(smallestKept, Math.abs(after[i]));
                assertEquals(before[i], after[i]);
            }
        }
        assertEquals(16, zeros);
        assertTrue(largestPruned <= smallestKept);
        assertEquals(0.5, result.reports().get(0).achievedSparsity().getAsDouble(), 1e-9);
        float[] bias = Tensors.floats(result.model().getGraph().getInitializer(1));
        assertTrue(bias[0] != 0 && bias[1] != 0, "biases are not pruned");
    }

    @Test
    void channelPruningZeroesWholeOutputChannels() {
        var step = new Prune(Prune.Method.MAGNITUDE, 0.5, Prune.Scope.PER_TENSOR, Prune.Structure.CHANNELS);
        var result = optimizer.apply(TestGraphs.conv(), step);
        float[] w = Tensors.floats(result.model().getGraph().getInitializer(0));
        int emptyChannels = 0;
        for (int c = 0; c < 4; c++) {
            boolean allZero = true;
            for (int i = c * 27; i < (c + 1) * 27; i++) {
                allZero &= w[i] == 0;
            }
            emptyChannels += allZero ? 1 : 0;
        }
        assertEquals(2, emptyChannels);
        assertEquals(0.5, result.reports().get(0).achievedSparsity().getAsDouble(), 1e-9);
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
    }

    @Test
    void globalPruningUsesOneThresholdOverAllWeights() {
        var step = new Prune(Prune.Method.MAGNITUDE, 0.25, Prune.Scope.GLOBAL, Prune.Structure.UNSTRUCTURED);
        var result = optimizer.apply(TestGraphs.gemm(), step);
        assertEquals(0.25, result.reports().get(0).achievedSparsity().getAsDouble(), 1e-9);
    }
}
