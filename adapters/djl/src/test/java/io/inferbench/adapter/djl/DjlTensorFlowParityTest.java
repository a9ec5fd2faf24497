package io.inferbench.adapter.djl;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.testsupport.MiniLm;
import io.inferbench.testsupport.ModelJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL's TensorFlow engine gives TensorFlow Java's outputs on the same SavedModel (converted from ONNX by
 * InferBench's converter), within 1e-5. TensorFlow Java runs in a child JVM ({@link TfDirectReference})
 * with the TensorFlow adapter's classes, the adapter support jar and TensorFlow Java's jars, which Maven
 * copies to {@code target/tf-direct}.
 */
class DjlTensorFlowParityTest {
    static final double TOLERANCE = 1e-5;
    static final Path TF_DIRECT_JARS = Path.of(System.getProperty("djl.test.tfDirectJars", "target/tf-direct"));
    static final Path TF_ADAPTER_CLASSES = Path.of(System.getProperty("djl.test.tfAdapterClasses",
            "../tensorflow/target/classes"));
    /** The ONNX protobuf classes the converter reads models with (harness/onnx, outside the adapter since issue 13). */
    static final Path ONNX_PROTO_CLASSES = Path.of(System.getProperty("djl.test.onnxProtoClasses",
            "../../harness/onnx/target/classes"));

    @TempDir
    Path dir;

    @Test
    void miniLmFp32MatchesTensorFlowDirect() throws Exception {
        assertParity(ModelJars.MINILM, MiniLm.inputs(2, 64, 5));
    }

    @Test
    void paddleOcrClsMatchesTensorFlowDirect() throws Exception {
        assertParity(ModelJars.OCR_CLS, DjlTestModels.clsInputs(3, 13));
    }

    private void assertParity(String resource, Map<String, Tensor> inputs) throws Exception {
        Path onnx = ModelJars.extract(resource, dir);
        Path savedModel = dir.resolve("savedmodel");
        Path in = dir.resolve("inputs.bin");
        Path out = dir.resolve("outputs.bin");
        TensorFiles.write(in, inputs);
        runTensorFlowDirect(onnx, savedModel, in, out);
        Map<String, Tensor> direct = TensorFiles.read(out);

        BackendProvider djl = DjlTestModels.provider("djl-tensorflow");
        try (ModelSession session = djl.open(DjlTestModels.request(savedModel, ModelFormat.SAVED_MODEL,
                Map.of("intra-op-threads", 1L, "inter-op-threads", 1L)));
             Runner runner = session.newRunner()) {
            Map<String, Tensor> ours = runner.runAndFetch(runner.prepare(inputs));
            assertEquals(direct.keySet(), ours.keySet());
            for (String name : direct.keySet()) {
                double diff = DjlTestModels.maxAbsDiff(direct.get(name), ours.get(name));
                System.out.printf("tensorflow vs djl: output %s max abs difference %.3g%n", name, diff);
                assertTrue(diff <= TOLERANCE, name + ": max abs difference " + diff);
            }
            assertEquals("2.16.1", session.properties().get("tensorflow"));
        }
    }

    private void runTensorFlowDirect(Path onnx, Path savedModel, Path in, Path out) throws Exception {
        assertTrue(Files.isDirectory(TF_DIRECT_JARS), TF_DIRECT_JARS + " is missing: the build copies TensorFlow"
                + " Java's jars there (maven-dependency-plugin, execution tf-direct)");
        assertTrue(Files.isRegularFile(TF_ADAPTER_CLASSES.resolve("META-INF/services/io.inferbench.api.ModelConverter")),
                TF_ADAPTER_CLASSES + " holds no compiled TensorFlow adapter: build adapters/tensorflow first");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-D" + io.inferbench.api.CacheDirectory.PROPERTY + "=" + io.inferbench.api.CacheDirectory.current());
        command.add("-cp");
        // The TensorFlow adapter's classes need the shared adapter support (in its target/adapter as a jar).
        command.add(String.join(File.pathSeparator, location(io.inferbench.api.BackendProvider.class),
                location(io.inferbench.adapter.support.ErrorLines.class), location(TfDirectReference.class),
                TF_ADAPTER_CLASSES.toAbsolutePath().toString(), ONNX_PROTO_CLASSES.toAbsolutePath().toString(),
                TF_DIRECT_JARS.toAbsolutePath() + File.separator + "*"));
        command.add(TfDirectReference.class.getName());
        command.addAll(List.of(onnx.toString(), savedModel.toString(), in.toString(), out.toString()));
        Path log = dir.resolve("tf-direct.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, "TensorFlow direct reference failed (" + (done ? "exit " + p.exitValue()
                : "timeout") + "): " + tail(log));
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
