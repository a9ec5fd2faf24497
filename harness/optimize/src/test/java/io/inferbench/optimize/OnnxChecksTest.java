package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule fails on a graph that breaks it, and passes on the valid one. */
class OnnxChecksTest {
    private static final ModelProto VALID = TestGraphs.matMulAdd();
    private static final ModelProto QUANTIZED = OnnxOptimizer.pureJava().apply(VALID, Quantize.dynamicInt8()).model();

    @Test
    void validGraphsPass() {
        assertEquals(List.of(), OnnxChecks.problems(VALID));
        assertEquals(List.of(), OnnxChecks.problems(QUANTIZED));
    }

    @Test
    void nodesOutOfOrderFail() {
        var g = VALID.getGraph().toBuilder().clearNode().addNode(VALID.getGraph().getNode(1))
                .addNode(VALID.getGraph().getNode(0));
        assertProblem(VALID.toBuilder().setGraph(g).build(), "input 'h' is not a graph input");
    }

    @Test
    void duplicateNamesFail() {
        NodeProto renamed = VALID.getGraph().getNode(1).toBuilder().setName("mm").build();
        assertProblem(VALID.toBuilder().setGraph(VALID.getGraph().toBuilder().setNode(1, renamed)).build(),
                "node name used twice");
        NodeProto sameOutput = VALID.getGraph().getNode(1).toBuilder().setOutput(0, "h").build();
        assertProblem(VALID.toBuilder().setGraph(VALID.getGraph().toBuilder().setNode(1, sameOutput)).build(),
                "output 'h' is already defined");
    }

    @Test
    void missingOpsetImportForADomainFails() {
        NodeProto custom = VALID.getGraph().getNode(1).toBuilder().setDomain("com.microsoft").build();
        assertProblem(VALID.toBuilder().setGraph(VALID.getGraph().toBuilder().setNode(1, custom)).build(),
                "no opset import for domain 'com.microsoft'");
    }

    @Test
    void unproducedGraphOutputFails() {
        var g = VALID.getGraph().toBuilder().setOutput(0, TestGraphs.value("z", Tensors.FLOAT, 1));
        assertProblem(VALID.toBuilder().setGraph(g).build(), "graph output 'z' is produced by no node");
    }

    @Test
    void initializerDataNotMatchingItsShapeFails() {
        var w = VALID.getGraph().getInitializer(0).toBuilder().setRawData(ByteString.copyFrom(new byte[12]));
        assertProblem(VALID.toBuilder().setGraph(VALID.getGraph().toBuilder().setInitializer(0, w)).build(),
                "raw data holds 12 bytes, expected 128");
    }

    @Test
    void matMulIntegerWithAFloatWeightFails() {
        NodeProto mmi = DynamicQuantizerTest.node(QUANTIZED, "MatMulInteger");
        int index = QUANTIZED.getGraph().getNodeList().indexOf(mmi);
        NodeProto broken = mmi.toBuilder().setInput(1, "b").build();
        assertProblem(QUANTIZED.toBuilder().setGraph(QUANTIZED.getGraph().toBuilder().setNode(index, broken)).build(),
                "expected int8 (3) or uint8 (2)");
    }

    @Test
    void zeroPointOfAnotherTypeThanItsDataFails() {
        NodeProto mmi = DynamicQuantizerTest.node(QUANTIZED, "MatMulInteger");
        var g = QUANTIZED.getGraph().toBuilder();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            if (g.getInitializer(i).getName().equals(mmi.getInput(3))) {
                g.setInitializer(i, g.getInitializer(i).toBuilder().setDataType(Tensors.UINT8));
            }
        }
        assertProblem(QUANTIZED.toBuilder().setGraph(g).build(), "zero point '" + mmi.getInput(3) + "' is of type 2");
    }

    @Test
    void valueInfoDisagreeingWithAConstantFails() {
        var g = VALID.getGraph().toBuilder().addValueInfo(TestGraphs.value("W", Tensors.INT64, 8, 4));
        assertProblem(VALID.toBuilder().setGraph(g).build(), "value_info 'W': declared element type 7");
    }

    @Test
    void requireValidNamesTheModelAndTheRule() {
        var g = VALID.getGraph().toBuilder().setOutput(0, TestGraphs.value("z", Tensors.FLOAT, 1));
        var e = assertThrows(IllegalStateException.class,
                () -> OnnxChecks.requireValid(VALID.toBuilder().setGraph(g).build(), "test.onnx"));
        assertTrue(e.getMessage().startsWith("test.onnx breaks 1 ONNX checker rule(s)"), e.getMessage());
    }

    private static void assertProblem(ModelProto model, String expected) {
        List<String> problems = OnnxChecks.problems(model);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }
}
