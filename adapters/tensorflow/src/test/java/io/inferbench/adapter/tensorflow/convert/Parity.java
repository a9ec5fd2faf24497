package io.inferbench.adapter.tensorflow.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs the same inputs through ONNX Runtime and through the converted SavedModel, and compares. */
final class Parity {
    /** A float32 or int64 tensor, row-major. */
    record Data(long[] shape, float[] floats, long[] longs) {
        static Data of(float[] values, long... shape) {
            return new Data(shape, values, null);
        }

        static Data of(long[] values, long... shape) {
            return new Data(shape, null, values);
        }

        static Data random(Random random, long... shape) {
            float[] v = new float[(int) count(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            return of(v, shape);
        }

        static long count(long[] shape) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        double[] asDoubles() {
            double[] d = new double[floats != null ? floats.length : longs.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = floats != null ? floats[i] : longs[i];
            }
            return d;
        }
    }

    private Parity() {
    }

    /** ONNX Runtime's outputs for the model. */
    static Map<String, Data> runOrt(byte[] model, Map<String, Data> inputs) throws OrtException {
        var env = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (var session = env.createSession(model, options)) {
                var feeds = new HashMap<String, OnnxTensor>();
                try {
                    for (var e : inputs.entrySet()) {
                        var d = e.getValue();
                        feeds.put(e.getKey(), d.floats() != null
                                ? OnnxTensor.createTensor(env, FloatBuffer.wrap(d.floats()), d.shape())
                                : OnnxTensor.createTensor(env, LongBuffer.wrap(d.longs()), d.shape()));
                    }
                    var out = new LinkedHashMap<String, Data>();
                    try (var result = session.run(feeds)) {
                        for (var e : result) {
                            var t = (OnnxTensor) e.getValue();
                            long[] shape = t.getInfo().getShape();
                            switch (t.getInfo().type) {
                                case FLOAT -> {
                                    var b = t.getFloatBuffer();
                                    float[] v = new float[b.remaining()];
                                    b.get(v);
                                    out.put(e.getKey(), Data.of(v, shape));
                                }
                                case INT64 -> {
                                    var b = t.getLongBuffer();
                                    long[] v = new long[b.remaining()];
                                    b.get(v);
                                    out.put(e.getKey(), Data.of(v, shape));
                                }
                                case BOOL -> {
                                    boolean[] flat = flattenBools(t.getValue());
                                    long[] v = new long[flat.length];
                                    for (int i = 0; i < v.length; i++) {
                                        v[i] = flat[i] ? 1 : 0;
                                    }
                                    out.put(e.getKey(), Data.of(v, shape));
                                }
                                default -> throw new IllegalStateException("output type " + t.getInfo().type);
                            }
                        }
                    }
                    return out;
                } finally {
                    feeds.values().forEach(OnnxTensor::close);
                }
            }
        }
    }

    private static boolean[] flattenBools(Object value) {
        if (value instanceof boolean[] b) {
            return b;
        }
        if (value instanceof Boolean b) {
            return new boolean[] {b};
        }
        var parts = new java.util.ArrayList<boolean[]>();
        for (Object o : (Object[]) value) {
            parts.add(flattenBools(o));
        }
        boolean[] all = new boolean[parts.stream().mapToInt(p -> p.length).sum()];
        int i = 0;
        for (var p : parts) {
            System.arraycopy(p, 0, all, i, p.length);
            i += p.length;
        }
        return all;
    }

    /** The SavedModel's outputs, through its serving_default signature, for each input set. */
    static List<Map<String, Data>> runTf(Path savedModel, List<Map<String, Data>> inputSets) {
        try (var bundle = SavedModelBundle.load(savedModel.toString(), OnnxToTensorFlow.TAG)) {
            var function = bundle.function(OnnxToTensorFlow.SIGNATURE_KEY);
            var results = new java.util.ArrayList<Map<String, Data>>();
            for (var inputs : inputSets) {
                var feeds = new HashMap<String, Tensor>();
                try {
                    for (var e : inputs.entrySet()) {
                        var d = e.getValue();
                        feeds.put(e.getKey(), d.floats() != null
                                ? TFloat32.tensorOf(Shape.of(d.shape()), DataBuffers.of(d.floats(), true, false))
                                : TInt64.tensorOf(Shape.of(d.shape()), DataBuffers.of(d.longs(), true, false)));
                    }
                    var out = new LinkedHashMap<String, Data>();
                    try (var result = function.call(feeds)) {
                        for (var e : result) {
                            var t = e.getValue();
                            long[] shape = t.shape().asArray();
                            if (t instanceof TFloat32 f) {
                                float[] v = new float[(int) f.size()];
                                f.copyTo(DataBuffers.of(v, false, false));
                                out.put(e.getKey(), Data.of(v, shape));
                            } else if (t instanceof TInt64 l) {
                                long[] v = new long[(int) l.size()];
                                l.copyTo(DataBuffers.of(v, false, false));
                                out.put(e.getKey(), Data.of(v, shape));
                            } else if (t instanceof TBool b) {
                                long[] v = new long[(int) b.size()];
                                for (int i = 0; i < v.length; i++) {
                                    v[i] = b.getBoolean(index(shape, i)) ? 1 : 0;
                                }
                                out.put(e.getKey(), Data.of(v, shape));
                            } else {
                                throw new IllegalStateException("output type " + t.dataType());
                            }
                        }
                    }
                    results.add(out);
                } finally {
                    feeds.values().forEach(Tensor::close);
                }
            }
            return results;
        }
    }

    private static long[] index(long[] shape, long flat) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /** Asserts same names, shapes and values within {@code tolerance}; returns the max abs error. */
    static double assertClose(Map<String, Data> expected, Map<String, Data> actual, double tolerance) {
        assertEquals(expected.keySet(), actual.keySet(), "output names");
        double max = 0;
        for (var e : expected.entrySet()) {
            var want = e.getValue();
            var got = actual.get(e.getKey());
            assertArrayEquals(want.shape(), got.shape(), "shape of " + e.getKey());
            double[] w = want.asDoubles();
            double[] g = got.asDoubles();
            for (int i = 0; i < w.length; i++) {
                double err = Math.abs(w[i] - g[i]);
                if (Double.isNaN(w[i]) && Double.isNaN(g[i])) {
                    err = 0;
                }
                if (!(err <= tolerance)) {
                    fail("output " + e.getKey() + " differs at flat index " + i + ": ONNX Runtime " + w[i]
                            + ", TensorFlow " + g[i] + " (tolerance " + tolerance + ")");
                }
                max = Math.max(max, err);
            }
        }
        return max;
    }
}
