package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Figures for the README (printed, not asserted on timing): InferBench's dynamic int8 of the fp32 MiniLM-L6
 * against the -q model ONNX Runtime's quantizer made: sizes, node types, time to quantize, agreement with fp32.
 */
class QuantizationFiguresTest {
    @Test
    void printsInferBenchsInt8AgainstOnnxRuntimes() throws Exception {
        ModelProto fp32Model = OrtModels.model(OrtModels.MINILM);
        ModelProto reference = OrtModels.model(OrtModels.MINILM_Q);
        float[][] fp32 = OrtModels.pooledEmbeddings(fp32Model.toByteArray());
        double referenceCosine = OrtModels.minCosine(fp32, OrtModels.pooledEmbeddings(reference.toByteArray()));
        System.out.printf(Locale.ROOT, "fp32 MiniLM: %.2f MB, %s%n", fp32Model.getSerializedSize() / 1e6,
                TestGraphs.opCounts(fp32Model));
        System.out.printf(Locale.ROOT, "ONNX Runtime's -q model: %.2f MB, pooled cosine vs fp32 %.5f, %s%n",
                reference.getSerializedSize() / 1e6, referenceCosine, TestGraphs.opCounts(reference));
        for (boolean perChannel : List.of(false, true)) {
            var step = new Quantize(Quantize.Mode.DYNAMIC_INT8, Quantize.WeightType.INT8, perChannel, null, null, null);
            OnnxOptimizer.pureJava().apply(fp32Model, step); // warm-up: the JIT, not the quantizer, would be timed
            long start = System.nanoTime();
            var result = OnnxOptimizer.pureJava().apply(fp32Model, step);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cosine = OrtModels.minCosine(fp32, OrtModels.pooledEmbeddings(result.model().toByteArray()));
            System.out.printf(Locale.ROOT, "InferBench dynamic int8 (%s): %.2f MB (%.1f%% of -q), quantized in %.2f s"
                    + " (first run in this JVM: see above), pooled cosine vs fp32 %.5f, %s%n",
                    perChannel ? "per channel" : "per tensor", result.model().getSerializedSize() / 1e6,
                    100.0 * result.model().getSerializedSize() / reference.getSerializedSize(), seconds, cosine,
                    TestGraphs.opCounts(result.model()));
            assertEquals(List.of(), OnnxChecks.problems(result.model()));
        }
    }
}
