package io.inferbench.adapter.tensorflow;

import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small models built with TensorFlow Java's ops, exported as SavedModels and GraphDefs, and host
 * tensors for them. Values are chosen so results can be checked by hand.
 */
final class TfTestModels {
    /** y = x · W + b, x float32 [-1, 3], y float32 [-1, 2]. */
    static final float[][] W = {{1, 2}, {3, 4}, {5, 6}};
    static final float[] B = {0.5f, -1f};

    static {
        // These builders use TensorFlow directly: JavaCPP must learn its cache directory first, as the
        // provider would tell it (natives load once per JVM, and test classes share the JVM).
        TfNatives.install();
    }

    private TfTestModels() {
    }

    /**
     * Exports the linear model with two signatures: {@code serving_default} (x → y) and
     * {@code doubled} (x → y2 = 2y).
     */
    static Path linearSavedModel(Path dir) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            Operand<TFloat32> y = linear(tf, x);
            Operand<TFloat32> y2 = tf.withName("y2").math.mul(y, tf.constant(2f));
            try (Session s = new Session(g)) {
                Signature main = Signature.builder().key(Signature.DEFAULT_KEY).input("x", x).output("y", y).build();
                Signature doubled = Signature.builder().key("doubled").input("x", x).output("y2", y2).build();
                SavedModelBundle.exporter(dir.toString())
                        .withFunctions(SessionFunction.create(main, s), SessionFunction.create(doubled, s))
                        .export();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The linear model as a frozen GraphDef file: input op {@code x}, output op {@code y}. */
    static Path linearGraphDef(Path file) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            linear(tf, x);
            Files.write(file, g.toGraphDef().toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operand<TFloat32> linear(Ops tf, Operand<TFloat32> x) {
        return tf.withName("y").math.add(tf.linalg.matMul(x, tf.constant(W)), tf.constant(B));
    }

    /**
     * An int64 model: {@code ids} int64 [-1, -1] → {@code scaled} = 2·ids + 1 (int64) and
     * {@code total} = sum of ids as float32 [-1].
     */
    static Path int64SavedModel(Path dir) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TInt64> ids = tf.withName("ids").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, -1)));
            Operand<TInt64> scaled = tf.math.add(tf.math.mul(ids, tf.constant(2L)), tf.constant(1L));
            Operand<TFloat32> total = tf.dtypes.cast(tf.reduceSum(ids, tf.constant(1)), TFloat32.class);
            try (Session s = new Session(g)) {
                Signature sig = Signature.builder().key(Signature.DEFAULT_KEY).input("ids", ids)
                        .output("scaled", scaled).output("total", total).build();
                SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s)).export();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelLoadRequest request(Path model, ModelFormat format, Map<String, Object> options) {
        return new ModelLoadRequest(model, format, Device.CPU, options);
    }

    static Tensor float32(long[] shape, float... values) {
        ByteBuffer b = Tensor.allocate(DType.FLOAT32, shape);
        for (float v : values) {
            b.putFloat(v);
        }
        return new Tensor(DType.FLOAT32, shape, b.flip());
    }

    static Tensor int64(long[] shape, long... values) {
        ByteBuffer b = Tensor.allocate(DType.INT64, shape);
        for (long v : values) {
            b.putLong(v);
        }
        return new Tensor(DType.INT64, shape, b.flip());
    }

    /** x · W + b for one row of x, by hand. */
    static float[] linear(float... row) {
        float[] y = B.clone();
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                y[j] += row[i] * W[i][j];
            }
        }
        return y;
    }

    static long[] longs(Tensor t) {
        ByteBuffer b = t.data();
        long[] out = new long[Math.toIntExact(t.elementCount())];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        return out;
    }
}
