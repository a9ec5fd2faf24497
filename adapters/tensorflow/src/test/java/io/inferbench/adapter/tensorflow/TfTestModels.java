package io.inferbench.adapter.tensorflow;

import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.testsupport.TinySavedModels;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small models built with TensorFlow Java's ops, exported as SavedModels and GraphDefs. Values are
 * chosen so results can be checked by hand; the linear SavedModel and host tensors are the shared
 * {@code io.inferbench.testsupport} fixtures.
 */
final class TfTestModels {
    static {
        // These builders use TensorFlow directly: JavaCPP must learn its cache directory first, as the
        // provider would tell it (natives load once per JVM, and test classes share the JVM).
        TfNatives.install();
    }

    private TfTestModels() {
    }

    /** {@link TinySavedModels#linear(Path)}, once TensorFlow's natives know their cache (see above). */
    static Path linearSavedModel(Path dir) {
        return TinySavedModels.linear(dir);
    }

    /** The linear model as a frozen GraphDef file: input op {@code x}, output op {@code y}. */
    static Path linearGraphDef(Path file) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            TinySavedModels.linear(tf, x);
            Files.write(file, g.toGraphDef().toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
