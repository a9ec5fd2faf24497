package io.inferbench.testsupport;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * A linear SavedModel built with TensorFlow Java's ops, for the TensorFlow engines' tests (TensorFlow
 * Java directly, and DJL's TensorFlow engine, whose bundled TensorFlow Java 1.0.0-rc.1 has the same API).
 * The caller must have pointed JavaCPP at its cache before (the TensorFlow adapter's {@code TfNatives},
 * or by loading DJL's engine): TensorFlow's natives load on first use here.
 *
 * <p>The model: y = x · W + b, x float32 [-1, 3], y float32 [-1, 2]; a second signature {@code doubled}
 * returns y2 = 2y.
 */
public final class TinySavedModels {
    public static final float[][] W = {{1, 2}, {3, 4}, {5, 6}};
    public static final float[] B = {0.5f, -1f};

    private TinySavedModels() {
    }

    /** Exports the linear model into {@code dir}, which must not exist yet. */
    public static Path linear(Path dir) {
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

    /** The linear model's ops on {@code x}, the result named {@code y}. */
    public static Operand<TFloat32> linear(Ops tf, Operand<TFloat32> x) {
        return tf.withName("y").math.add(tf.linalg.matMul(x, tf.constant(W)), tf.constant(B));
    }

    /** x · W + b for one row of x, by hand. */
    public static float[] linear(float... row) {
        float[] y = B.clone();
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                y[j] += row[i] * W[i][j];
            }
        }
        return y;
    }

    /** What {@code serving_default} computes for {@code inputs} (x of any batch), by output name. */
    public static Map<String, float[]> expected(Map<String, Tensor> inputs) {
        float[] x = inputs.get("x").toFloatArray();
        float[] y = new float[x.length / 3 * 2];
        for (int r = 0; r < x.length / 3; r++) {
            float[] row = linear(x[3 * r], x[3 * r + 1], x[3 * r + 2]);
            y[2 * r] = row[0];
            y[2 * r + 1] = row[1];
        }
        return Map.of("y", y);
    }

    /** Seeded inputs of batch 2 for {@code serving_default}. */
    public static Map<String, Tensor> inputs(int seed) {
        Random random = new Random(0x9E3779B97F4A7C15L * (seed + 1)); // spread: adjacent seeds start alike
        float[] x = new float[6];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return Map.of("x", HostTensors.float32(new long[] {2, 3}, x));
    }
}
