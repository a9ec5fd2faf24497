package io.inferbench.adapter.djl;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The reference side of the DJL-TensorFlow parity test, run in a child JVM whose class path holds the
 * InferBench API, these test classes and the TensorFlow adapter's jars only: DJL's bundled TensorFlow
 * Java classes (1.0.0-rc.1) and TensorFlow Java 1.1.0 have the same names and can never share a JVM.
 *
 * <p>Converts the ONNX model with InferBench's {@code onnx-to-tensorflow} converter (unless the
 * SavedModel exists), runs it with the TensorFlow adapter (TensorFlow Java directly) on the inputs in
 * a file, and writes the outputs to another.
 *
 * <p>Arguments: {@code <model.onnx> <savedmodel-dir> <inputs-file> <outputs-file>}.
 */
public final class TfDirectReference {
    private TfDirectReference() {
    }

    public static void main(String[] args) throws Exception {
        Path onnx = Path.of(args[0]);
        Path savedModel = Path.of(args[1]);
        if (!Files.exists(savedModel)) {
            ModelConverter converter = ServiceLoader.load(ModelConverter.class).stream().map(ServiceLoader.Provider::get)
                    .filter(c -> c.name().equals("onnx-to-tensorflow")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("onnx-to-tensorflow converter not on the class path"));
            converter.convert(onnx, savedModel);
        }
        BackendProvider tensorflow = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("tensorflow")).findFirst()
                .orElseThrow(() -> new IllegalStateException("tensorflow backend not on the class path"));
        try (ModelSession session = tensorflow.open(new ModelLoadRequest(savedModel, ModelFormat.SAVED_MODEL, Device.CPU,
                Map.of("intra-op-threads", 1L, "inter-op-threads", 1L)));
             Runner runner = session.newRunner()) {
            TensorFiles.write(Path.of(args[3]), runner.runAndFetch(runner.prepare(TensorFiles.read(Path.of(args[2])))));
        }
    }
}
