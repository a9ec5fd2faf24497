package io.inferbench.testsupport;

import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tiny two-input ONNX model for the ONNX engines' conformance tests (ONNX Runtime directly and through
 * DJL): {@code x} float32 [batch, 3] → Relu → {@code y}, and {@code ids} int64 [batch] → Abs →
 * {@code abs_ids}. Two inputs of two types and a fixed dimension, with outputs easy to compute here.
 */
public final class ReluAbsModel {
    public static final String FILE = "relu-abs.onnx";

    private ReluAbsModel() {
    }

    /** Writes the model into {@code dir}. */
    public static Path write(Path dir) {
        List<Object> batchBy3 = List.of("batch", 3L);
        List<Object> batch = List.of("batch");
        byte[] model = TinyOnnx.model(13,
                List.of(new TinyOnnx.Node("Relu", "x", "y"), new TinyOnnx.Node("Abs", "ids", "abs_ids")),
                List.of(new TinyOnnx.Value("x", OnnxDataTypes.FLOAT, batchBy3),
                        new TinyOnnx.Value("ids", OnnxDataTypes.INT64, batch)),
                List.of(new TinyOnnx.Value("y", OnnxDataTypes.FLOAT, batchBy3),
                        new TinyOnnx.Value("abs_ids", OnnxDataTypes.INT64, batch)));
        try {
            return Files.write(dir.resolve(FILE), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inputs of batch 2 with negative and positive values; {@code seed} varies them. */
    public static Map<String, Tensor> inputs(int seed) {
        Random random = new Random(0x9E3779B97F4A7C15L * (seed + 1)); // spread: adjacent seeds start alike
        float[] x = new float[6];
        long[] ids = new long[2];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 4 - 2;
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(2001) - 1000;
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", HostTensors.float32(new long[] {2, 3}, x));
        m.put("ids", HostTensors.int64(new long[] {2}, ids));
        return m;
    }

    /** What the model computes for {@code inputs}, by output name. */
    public static Map<String, float[]> expected(Map<String, Tensor> inputs) {
        float[] x = inputs.get("x").toFloatArray();
        float[] ids = inputs.get("ids").toFloatArray();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0);
        }
        float[] abs = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            abs[i] = Math.abs(ids[i]);
        }
        return Map.of("y", y, "abs_ids", abs);
    }
}
