package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicQuantizerTest {
    private final OnnxOptimizer optimizer = OnnxOptimizer.pureJava();

    @Test
    void matMulBecomesTheMatMulIntegerPattern() {
        var result = optimizer.apply(TestGraphs.matMulAdd(), Quantize.dynamicInt8());
        ModelProto q = result.model();
        assertEquals(Map.of("DynamicQuantizeLinear", 1, "MatMulInteger", 1, "Cast", 1, "Mul", 2, "Add", 1),
                TestGraphs.opCounts(q));
        NodeProto mmi = node(q, "MatMulInteger");
        assertEquals("x", node(q, "DynamicQuantizeLinear").getInput(0));
        assertEquals(Tensors.INT8, initializer(q, mmi.getInput(1)).getDataType());
        assertEquals(Tensors.INT8, initializer(q, mmi.getInput(3)).getDataType());
        assertEquals(0, initializer(q, mmi.getInput(3)).getDimsCount(), "per tensor: a scalar zero point");
        // The final Mul writes the MatMul's output name, so the Add reads it unchanged.
        assertTrue(q.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("Mul")
                && n.getOutput(0).equals("h")));
        assertFalse(q.getGraph().getInitializerList().stream().anyMatch(t -> t.getName().equals("W")),
                "the float weight is dropped");
        assertEquals(List.of(), OnnxChecks.problems(q));
        StepReport report = result.reports().get(0);
        assertEquals(1, report.changed().size());
        assertEquals("mm", report.changed().get(0).name());
        assertEquals(TestGraphs.matMulAdd().getSerializedSize(), report.sizeBeforeBytes());
        assertEquals(q.getSerializedSize(), report.sizeAfterBytes());
    }

    @Test
    void symmetricInt8WeightsHaveZeroPointZeroAndScaleMaxOver127() {
        ModelProto q = optimizer.apply(TestGraphs.matMulAdd(), Quantize.dynamicInt8()).model();
        NodeProto mmi = node(q, "MatMulInteger");
        float[] w = Tensors.floats(TestGraphs.matMulAdd().getGraph().getInitializer(0));
        float absMax = 0;
        for (float v : w) {
            absMax = Math.max(absMax, Math.abs(v));
        }
        NodeProto scales = q.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Mul")
                && n.getInput(0).equals("x_scale")).findFirst().orElseThrow();
        assertEquals(absMax / 127, Tensors.floats(initializer(q, scales.getInput(1)))[0], 1e-7);
        assertEquals(0, initializer(q, mmi.getInput(3)).getRawData().byteAt(0));
    }

    @Test
    void perChannelUint8GivesOneScaleAndZeroPointPerColumn() {
        var step = new Quantize(Quantize.Mode.DYNAMIC_INT8, Quantize.WeightType.UINT8, true, null, null, null);
        ModelProto q = optimizer.apply(TestGraphs.matMulAdd(), step).model();
        NodeProto mmi = node(q, "MatMulInteger");
        TensorProto zp = initializer(q, mmi.getInput(3));
        assertEquals(Tensors.UINT8, zp.getDataType());
        assertEquals(List.of(4L), zp.getDimsList());
        assertEquals(List.of(), OnnxChecks.problems(q));
    }

    @Test
    void gemmFoldsTransposeAlphaAndBeta() {
        var result = optimizer.apply(TestGraphs.gemm(), Quantize.dynamicInt8());
        ModelProto q = result.model();
        assertEquals(Map.of("DynamicQuantizeLinear", 1, "MatMulInteger", 1, "Cast", 1, "Mul", 2, "Add", 1),
                TestGraphs.opCounts(q));
        TensorProto w = initializer(q, node(q, "MatMulInteger").getInput(1));
        assertEquals(List.of(8L, 4L), w.getDimsList(), "transB applied offline: [K, N]");
        NodeProto add = node(q, "Add");
        assertEquals("y", add.getOutput(0));
        float[] c = Tensors.floats(TestGraphs.gemm().getGraph().getInitializer(1));
        assertEquals(2 * c[0], Tensors.floats(initializer(q, add.getInput(1)))[0], 1e-6, "C scaled by beta");
        assertEquals(List.of(), OnnxChecks.problems(q));
    }

    @Test
    void convWithInt8WeightsIsLeftAloneWithTheReason() {
        var result = optimizer.apply(TestGraphs.conv(), Quantize.dynamicInt8());
        assertEquals(TestGraphs.opCounts(TestGraphs.conv()), TestGraphs.opCounts(result.model()));
        StepReport.LeftAlone left = result.reports().get(0).leftAlone().get(0);
        assertEquals("conv", left.name());
        assertTrue(left.reason().contains("uint8"), left.reason());
    }

    @Test
    void convWithUint8WeightsBecomesConvInteger() {
        var step = new Quantize(Quantize.Mode.DYNAMIC_INT8, Quantize.WeightType.UINT8, false, null, null, null);
        ModelProto q = optimizer.apply(TestGraphs.conv(), step).model();
        assertEquals(Map.of("DynamicQuantizeLinear", 1, "ConvInteger", 1, "Cast", 1, "Mul", 2, "Add", 1, "Relu", 1),
                TestGraphs.opCounts(q));
        NodeProto conv = node(q, "ConvInteger");
        assertTrue(conv.getAttributeList().stream().anyMatch(a -> a.getName().equals("pads")), "Conv attributes kept");
        assertEquals(List.of(1L, 4L, 1L, 1L), initializer(q, node(q, "Add").getInput(1)).getDimsList());
        assertEquals(List.of(), OnnxChecks.problems(q));
    }

    @Test
    void excludedNodesAndOldOpsetsAreLeftAloneWithTheReason() {
        var exclude = new Quantize(Quantize.Mode.DYNAMIC_INT8, Quantize.WeightType.INT8, false, null, List.of("mm"), null);
        var excluded = optimizer.apply(TestGraphs.matMulAdd(), exclude).reports().get(0);
        assertEquals("excluded by exclude-nodes", excluded.leftAlone().get(0).reason());
        ModelProto opset9 = TestGraphs.matMulAdd().toBuilder().setOpsetImport(0,
                TestGraphs.matMulAdd().getOpsetImport(0).toBuilder().setVersion(9)).build();
        var old = optimizer.apply(opset9, Quantize.dynamicInt8()).reports().get(0);
        assertTrue(old.leftAlone().get(0).reason().contains("opset 9"), old.leftAlone().get(0).reason());
        assertTrue(old.changed().isEmpty());
    }

    static NodeProto node(ModelProto model, String opType) {
        return model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(opType)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + opType + " node"));
    }

    static TensorProto initializer(ModelProto model, String name) {
        return model.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no initializer " + name));
    }
}
