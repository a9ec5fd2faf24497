package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepReport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.api.optimize.OptimizationStep.Fp16;
import io.inferbench.api.optimize.OptimizationStep.Prune;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optimizer on the real models: each produced model passes OnnxChecks, loads in ONNX Runtime and agrees. */
class RealModelsTest {
    private static final OnnxOptimizer OPTIMIZER = OnnxOptimizer.pureJava();
    private static ModelProto miniLm;
    private static float[][] fp32;

    @BeforeAll
    static void reference() throws Exception {
        miniLm = OrtModels.model(OrtModels.MINILM);
        fp32 = OrtModels.pooledEmbeddings(miniLm.toByteArray());
    }

    @Test
    void dynamicInt8MiniLmAgreesWithFp32() throws Exception {
        var result = OPTIMIZER.apply(miniLm, Quantize.dynamicInt8());
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
        double cosine = OrtModels.minCosine(fp32, OrtModels.pooledEmbeddings(result.model().toByteArray()));
        System.out.printf("dynamic int8 MiniLM (per tensor): pooled cosine vs fp32 %.5f%n", cosine);
        assertTrue(cosine >= 0.85, "pooled cosine " + cosine);
        StepReport report = result.reports().get(0);
        assertEquals(39, report.changed().size(), "36 MatMuls with weights and 3 embedding Gathers");
        assertTrue(report.leftAlone().stream().allMatch(l -> l.reason().contains("not a")), report.leftAlone().toString());
    }

    /** Per channel, as the -q model was made: the same graph, node type by node type. */
    @Test
    void perChannelInt8MiniLmHasTheSameNodeTypesAsOnnxRuntimesQuantizer() throws Exception {
        var step = new Quantize(Quantize.Mode.DYNAMIC_INT8, Quantize.WeightType.INT8, true, null, null, null);
        ModelProto ours = OPTIMIZER.apply(miniLm, step).model();
        ModelProto reference = OrtModels.model(OrtModels.MINILM_Q);
        assertEquals(TestGraphs.opCounts(reference), TestGraphs.opCounts(ours));
        double ratio = (double) ours.getSerializedSize() / reference.getSerializedSize();
        assertTrue(Math.abs(ratio - 1) < 0.05, "size ratio to the -q model " + ratio);
    }

    @Test
    void fp16MiniLmIsAboutHalfTheSizeAndAgrees() throws Exception {
        var result = OPTIMIZER.apply(miniLm, new Fp16(true, null));
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
        double ratio = (double) result.model().getSerializedSize() / miniLm.getSerializedSize();
        double cosine = OrtModels.minCosine(fp32, OrtModels.pooledEmbeddings(result.model().toByteArray()));
        System.out.printf("fp16 MiniLM: size ratio %.3f, pooled cosine vs fp32 %.6f%n", ratio, cosine);
        assertTrue(ratio > 0.45 && ratio < 0.55, "size ratio " + ratio);
        assertTrue(cosine >= 0.999, "pooled cosine " + cosine);
    }

    @Test
    void prunedMiniLmReachesItsSparsityAndStillLoads() throws Exception {
        var result = OPTIMIZER.apply(miniLm, Prune.magnitude(0.5));
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
        double sparsity = result.reports().get(0).achievedSparsity().getAsDouble();
        double cosine = OrtModels.minCosine(fp32, OrtModels.pooledEmbeddings(result.model().toByteArray()));
        System.out.printf("50%% pruned MiniLM: achieved sparsity %.4f, pooled cosine vs fp32 %.4f, size ratio %.3f%n",
                sparsity, cosine, (double) result.model().getSerializedSize() / miniLm.getSerializedSize());
        assertEquals(0.5, sparsity, 0.001);
    }

    @Test
    void paddleOcrClassifierTakesFp16ChannelPruningAndUint8Conv() throws Exception {
        ModelProto cls = OrtModels.model(OrtModels.OCR_CLS);
        float[] reference = OrtModels.ocrClassify(cls.toByteArray());
        var half = OPTIMIZER.apply(cls, new Fp16(true, null)).model();
        assertEquals(List.of(), OnnxChecks.problems(half));
        assertArrayEquals(reference, OrtModels.ocrClassify(half.toByteArray()), 0.01f);
        var pruned = OPTIMIZER.apply(cls, new Prune(Prune.Method.MAGNITUDE, 0.3, Prune.Scope.GLOBAL,
                Prune.Structure.CHANNELS));
        assertEquals(List.of(), OnnxChecks.problems(pruned.model()));
        // 30% of the channels, ranked over all weights: the weight sparsity is lower where small channels go first.
        double sparsity = pruned.reports().get(0).achievedSparsity().getAsDouble();
        assertTrue(sparsity > 0.1 && sparsity <= 0.3, "achieved sparsity " + sparsity);
        assertEquals(2, OrtModels.ocrClassify(pruned.model().toByteArray()).length);
        // Its weights are Constant nodes (PaddlePaddle's export): lifted to initializers, then quantized.
        var quantized = OPTIMIZER.apply(cls, new Quantize(Quantize.Mode.DYNAMIC_INT8, Quantize.WeightType.UINT8,
                false, null, null, null));
        assertEquals(List.of(), OnnxChecks.problems(quantized.model()));
        assertEquals(53, TestGraphs.opCounts(quantized.model()).get("ConvInteger"));
        float[] int8 = OrtModels.ocrClassify(quantized.model().toByteArray());
        System.out.printf("PaddleOCR cls: fp32 %s, dynamic uint8 %s, %.2f MB -> %.2f MB%n",
                java.util.Arrays.toString(reference), java.util.Arrays.toString(int8), cls.getSerializedSize() / 1e6,
                quantized.model().getSerializedSize() / 1e6);
        assertArrayEquals(reference, int8, 0.1f);
    }
}
