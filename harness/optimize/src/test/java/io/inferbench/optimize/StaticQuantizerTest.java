package io.inferbench.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.inferbench.api.optimize.ActivationSampler;
import io.inferbench.api.optimize.OptimizationStep.Calibration;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import io.inferbench.api.optimize.StepReport;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static int8 (QDQ): structure on a small graph, calibration through ONNX Runtime, numerics on MiniLM. */
class StaticQuantizerTest {
    @TempDir
    Path dir;

    private static Quantize staticInt8(Calibration.Method method, boolean perChannel) {
        return new Quantize(Quantize.Mode.STATIC_INT8, Quantize.WeightType.INT8, perChannel, null, null,
                new Calibration("inputs", 8, method));
    }

    @Test
    void matMulGetsQdqAroundItsActivationAndADequantizedWeight() throws Exception {
        ModelProto model = TestGraphs.matMulAdd();
        var optimizer = OnnxOptimizer.pureJava().with(Quantize.class,
                new StaticQuantizer(randomInputs(), dir.resolve("calibration.onnx")));
        var result = optimizer.apply(model, staticInt8(Calibration.Method.MINMAX, false));
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
        Map<String, Integer> ops = TestGraphs.opCounts(result.model());
        assertEquals(1, ops.get("QuantizeLinear"), ops.toString());
        assertEquals(2, ops.get("DequantizeLinear"), ops.toString());
        assertEquals(1, ops.get("MatMul"), ops.toString());
        StepReport report = result.reports().get(0);
        assertEquals(1, report.changed().size());
        assertTrue(Files.notExists(dir.resolve("calibration.onnx")), "the calibration model is removed");
        // It still computes what the float graph does, within int8's error.
        float[] x = TestGraphs.random(2 * 8, 3);
        float[] expected = runFloat(model.toByteArray(), x);
        float[] actual = runFloat(result.model().toByteArray(), x);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.1 + Math.abs(expected[i]) * 0.05, "output " + i);
        }
    }

    @Test
    void refusesAModelBelowOpset10AndACalibrationThatRanNothing() {
        ModelProto old = TestGraphs.model(TestGraphs.matMulAdd().getGraph().toBuilder(), 8);
        var quantizer = new StaticQuantizer(randomInputs(), dir.resolve("c.onnx"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> quantizer.rewrite(old, staticInt8(Calibration.Method.MINMAX, false)));
        assertTrue(e.getMessage().startsWith("quantize.mode: static-int8"), e.getMessage());
        ActivationSampler none = (m, outputs, n, each) -> 0;
        var empty = new StaticQuantizer(none, dir.resolve("c.onnx"));
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> empty.rewrite(TestGraphs.matMulAdd(), staticInt8(Calibration.Method.MINMAX, false)));
        assertTrue(e2.getMessage().contains("no calibration sample"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> quantizer.rewrite(TestGraphs.model(TestGraphs.matMulAdd().getGraph().toBuilder(), 11),
                        staticInt8(Calibration.Method.MINMAX, true)));
        assertTrue(e3.getMessage().startsWith("quantize.per-channel"), e3.getMessage());
    }

    @Test
    void staticInt8MiniLmAgreesWithFp32() throws Exception {
        ModelProto miniLm = OrtModels.model(OrtModels.MINILM);
        float[][] fp32 = OrtModels.pooledEmbeddings(miniLm.toByteArray());
        for (Calibration.Method method : Calibration.Method.values()) {
            var quantizer = new StaticQuantizer(miniLmSampler(), dir.resolve("minilm-calibration.onnx"));
            long start = System.nanoTime();
            var result = OnnxOptimizer.pureJava().with(Quantize.class, quantizer).apply(miniLm,
                    staticInt8(method, false));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(List.of(), OnnxChecks.problems(result.model()));
            double cosine = OrtModels.minCosine(fp32, OrtModels.pooledEmbeddings(result.model().toByteArray()));
            System.out.printf("static int8 MiniLM (%s, per tensor, 8 calibration batches): %d nodes quantized in"
                    + " %.1f s, %.2f MB, pooled cosine vs fp32 %.5f%n", method.spelling(),
                    result.reports().get(0).changed().size(), seconds, result.model().getSerializedSize() / 1e6,
                    cosine);
            assertEquals(36, result.reports().get(0).changed().size(), "the MatMuls with weights");
            // Entropy (TensorRT's KL threshold) clips the encoder's outlier activations hard: measured 0.60.
            double floor = method == Calibration.Method.ENTROPY ? 0.5 : 0.85;
            assertTrue(cosine >= floor, method + ": pooled cosine " + cosine);
        }
    }

    @Test
    void anOpset9ModelIsRaisedTo10WithItsSlicesRewrittenAndATopKIsRefused() throws Exception {
        // x [n, 8] -> Slice-1 (axes [1], starts [0], ends [8]) -> MatMul W -> Add b -> y, at opset 9.
        ModelProto base = TestGraphs.matMulAdd();
        var graph = base.getGraph().toBuilder();
        var first = graph.getNode(0).toBuilder().setInput(0, "xs").build();
        graph.setNode(0, first);
        graph.addNode(0, GraphNames.node("Slice", "slice", List.of("x"), List.of("xs"),
                io.inferbench.onnx.proto.OnnxProto.AttributeProto.newBuilder().setName("axes")
                        .setType(io.inferbench.onnx.proto.OnnxProto.AttributeProto.AttributeType.INTS).addInts(1).build(),
                io.inferbench.onnx.proto.OnnxProto.AttributeProto.newBuilder().setName("starts")
                        .setType(io.inferbench.onnx.proto.OnnxProto.AttributeProto.AttributeType.INTS).addInts(0).build(),
                io.inferbench.onnx.proto.OnnxProto.AttributeProto.newBuilder().setName("ends")
                        .setType(io.inferbench.onnx.proto.OnnxProto.AttributeProto.AttributeType.INTS).addInts(8).build()));
        ModelProto opset9 = TestGraphs.model(graph, 9);
        var result = OnnxOptimizer.pureJava().with(Quantize.class,
                new StaticQuantizer(randomInputs(), dir.resolve("c9.onnx"))).apply(opset9,
                staticInt8(Calibration.Method.MINMAX, false));
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
        assertEquals(10, DynamicQuantizer.defaultOpset(result.model()));
        var slice = result.model().getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Slice"))
                .findFirst().orElseThrow();
        assertEquals(4, slice.getInputCount(), "data, starts, ends, axes");
        assertEquals(0, slice.getAttributeCount());
        assertTrue(result.reports().get(0).changed().get(0).became().startsWith("Slice-10"),
                result.reports().get(0).changed().toString());
        float[] x = TestGraphs.random(2 * 8, 5);
        float[] expected = runFloat(opset9.toByteArray(), x);
        float[] actual = runFloat(result.model().toByteArray(), x);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.1 + Math.abs(expected[i]) * 0.05, "output " + i);
        }
        var withTopK = graph.clone().addNode(GraphNames.node("TopK", "topk", List.of("y"), List.of("v", "i"),
                GraphNames.intAttribute("k", 1)));
        var e = assertThrows(IllegalArgumentException.class, () -> new StaticQuantizer(randomInputs(),
                dir.resolve("c.onnx")).rewrite(TestGraphs.model(withTopK, 9), staticInt8(Calibration.Method.MINMAX,
                false)));
        assertTrue(e.getMessage().contains("topk (TopK) changed meaning in opset 10"), e.getMessage());
    }

    /**
     * PaddleOCR's orientation classifier (opset 9, Conv weights as Constant nodes): raised to opset 10, its Convs
     * and MatMul quantized as QDQ per tensor, calibrated on image-like samples; ONNX Runtime runs it and the two
     * class probabilities stay within 0.1 of fp32's.
     */
    @Test
    void staticInt8OfThePaddleOcrClassifier() throws Exception {
        ModelProto cls = OrtModels.model(OrtModels.OCR_CLS);
        float[] reference = OrtModels.ocrClassify(cls.toByteArray());
        ActivationSampler images = (model, outputs, samples, each) -> {
            try {
                for (int s = 0; s < samples; s++) {
                    each.accept(run(Files.readAllBytes(model), Map.of("x", TestGraphs.random(3 * 48 * 192, 100 + s)),
                            new long[] {1, 3, 48, 192}, outputs));
                }
                return samples;
            } catch (OrtException e) {
                throw new IOException(e);
            }
        };
        long start = System.nanoTime();
        var result = OnnxOptimizer.pureJava().with(Quantize.class, new StaticQuantizer(images,
                dir.resolve("cls-calibration.onnx"))).apply(cls, staticInt8(Calibration.Method.MINMAX, false));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of(), OnnxChecks.problems(result.model()));
        Map<String, Integer> ops = TestGraphs.opCounts(result.model());
        float[] int8 = OrtModels.ocrClassify(result.model().toByteArray());
        System.out.printf("PaddleOCR cls static int8 (QDQ, per tensor, 8 calibration images): %d QuantizeLinear,"
                + " %d DequantizeLinear, %.2f MB -> %.2f MB in %.1f s; fp32 %s, int8 %s%n",
                ops.getOrDefault("QuantizeLinear", 0), ops.getOrDefault("DequantizeLinear", 0),
                cls.getSerializedSize() / 1e6, result.model().getSerializedSize() / 1e6, seconds,
                java.util.Arrays.toString(reference), java.util.Arrays.toString(int8));
        assertEquals(53, result.reports().get(0).changed().stream().filter(c -> c.opType().equals("Conv")).count());
        org.junit.jupiter.api.Assertions.assertArrayEquals(reference, int8, 0.1f);
    }

    /** Random x [2, 4] for the small graph's input {@code x}. */
    private static ActivationSampler randomInputs() {
        return (model, outputs, samples, each) -> {
            try {
                for (int s = 0; s < samples; s++) {
                    each.accept(run(Files.readAllBytes(model), Map.of("x", TestGraphs.random(16, s)), new long[] {2, 8},
                            outputs));
                }
                return samples;
            } catch (OrtException e) {
                throw new IOException(e);
            }
        };
    }

    private static Map<String, float[]> run(byte[] model, Map<String, float[]> inputs, long[] shape,
                                            List<String> outputs) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> feed = new HashMap<>();
            for (var e : inputs.entrySet()) {
                feed.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue()), shape));
            }
            try (OrtSession.Result result = session.run(feed, new java.util.LinkedHashSet<>(outputs))) {
                Map<String, float[]> out = new HashMap<>();
                for (String name : outputs) {
                    out.put(name, ((OnnxTensor) result.get(name).get()).getFloatBuffer().array());
                }
                return out;
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
        }
    }

    private static float[] runFloat(byte[] model, float[] x) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 8});
             OrtSession.Result r = session.run(Map.of("x", t))) {
            return ((OnnxTensor) r.get(0)).getFloatBuffer().array();
        }
    }

    /** MiniLM on deterministic token ids, one batch of 4 per sample (other ids than the agreement check's). */
    private static ActivationSampler miniLmSampler() {
        return (model, outputs, samples, each) -> {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            int batch = 4;
            int seq = 48;
            try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
                for (int s = 0; s < samples; s++) {
                    long[] ids = new long[batch * seq];
                    long[] mask = new long[batch * seq];
                    for (int b = 0; b < batch; b++) {
                        int length = seq - 5 * ((b + s) % 4);
                        for (int t = 0; t < length; t++) {
                            ids[b * seq + t] = t == 0 ? 101 : t == length - 1 ? 102
                                    : 1000 + (s * 104729L + b * 7907L + t * 389L) % 29000;
                            mask[b * seq + t] = 1;
                        }
                    }
                    long[] shape = {batch, seq};
                    try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                         OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                         OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * seq]), shape);
                         OrtSession.Result r = session.run(Map.of("input_ids", idT, "attention_mask", maskT,
                                 "token_type_ids", typeT), new java.util.LinkedHashSet<>(outputs))) {
                        Map<String, float[]> values = new HashMap<>();
                        for (String name : outputs) {
                            values.put(name, ((OnnxTensor) r.get(name).get()).getFloatBuffer().array());
                        }
                        each.accept(values);
                    }
                }
                return samples;
            } catch (OrtException e) {
                throw new IOException(e);
            }
        };
    }
}
