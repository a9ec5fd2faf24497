package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.testsupport.HostTensors;
import io.inferbench.testsupport.TinySavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.inferbench.testsupport.HostTensors.float32;
import static io.inferbench.testsupport.HostTensors.int64;
import static io.inferbench.adapter.tensorflow.TfTestModels.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SavedModels and GraphDefs built by {@link TfTestModels}, opened and run through the provider. */
class TfModelSessionTest {
    @TempDir
    static Path dir;
    static Path linear;
    static Path ints;
    static Path graphDef;

    private final TfBackendProvider provider = new TfBackendProvider();

    @BeforeAll
    static void export() {
        linear = TfTestModels.linearSavedModel(dir.resolve("linear"));
        ints = TfTestModels.int64SavedModel(dir.resolve("ints"));
        graphDef = TfTestModels.linearGraphDef(dir.resolve("linear.pb"));
    }

    private ModelSession open(Path model, ModelFormat format, Map<String, Object> options) throws BackendException {
        return provider.open(request(model, format, options));
    }

    @Test
    void savedModelSpecsAndValues() throws BackendException {
        try (ModelSession session = open(linear, ModelFormat.SAVED_MODEL, Map.of());
             Runner runner = session.newRunner()) {
            assertEquals(List.of(new TensorSpec("x", DType.FLOAT32, new long[]{-1, 3})), session.inputs());
            assertEquals(List.of(new TensorSpec("y", DType.FLOAT32, new long[]{-1, 2})), session.outputs());
            PreparedInput input = runner.prepare(Map.of("x", float32(new long[]{2, 3}, 0, 1, 2, 3, 4, 5)));
            runner.run(input);
            runner.run(input);
            Map<String, Tensor> out = runner.runAndFetch(input);
            Tensor y = out.get("y");
            assertArrayEquals(new long[]{2, 2}, y.shape());
            float[] row0 = TinySavedModels.linear(0, 1, 2);
            float[] row1 = TinySavedModels.linear(3, 4, 5);
            assertArrayEquals(new float[]{row0[0], row0[1], row1[0], row1[1]}, y.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[]{13.5f, 15f, 40.5f, 51f}, y.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void otherSignature() throws BackendException {
        try (ModelSession session = open(linear, ModelFormat.SAVED_MODEL, Map.of("signature", "doubled"));
             Runner runner = session.newRunner()) {
            assertEquals("y2", session.outputs().get(0).name());
            Tensor y2 = runner.runAndFetch(runner.prepare(Map.of("x", float32(new long[]{1, 3}, 0, 1, 2)))).get("y2");
            assertArrayEquals(new float[]{27f, 30f}, y2.toFloatArray(), 1e-5f);
            assertEquals("doubled", session.properties().get("signature"));
        }
    }

    @Test
    void int64Model() throws BackendException {
        try (ModelSession session = open(ints, ModelFormat.SAVED_MODEL, Map.of());
             Runner runner = session.newRunner()) {
            assertEquals(List.of(new TensorSpec("ids", DType.INT64, new long[]{-1, -1})), session.inputs());
            // Graph order (the order the ops were created in), not the signature map's.
            assertEquals(List.of("scaled", "total"), session.outputs().stream().map(TensorSpec::name).toList());
            Map<String, TensorSpec> outs = Map.of(session.outputs().get(0).name(), session.outputs().get(0),
                    session.outputs().get(1).name(), session.outputs().get(1));
            assertEquals(DType.INT64, outs.get("scaled").dtype());
            assertEquals(DType.FLOAT32, outs.get("total").dtype());
            Map<String, Tensor> out = runner.runAndFetch(runner.prepare(
                    Map.of("ids", int64(new long[]{2, 3}, 1, 2, 3, 10, 20, 30))));
            assertArrayEquals(new long[]{3, 5, 7, 21, 41, 61}, HostTensors.longs(out.get("scaled")));
            assertArrayEquals(new float[]{6f, 60f}, out.get("total").toFloatArray());
        }
    }

    @Test
    void graphDefInputsAreTheOutputsAndSinks() throws BackendException {
        try (ModelSession session = open(graphDef, ModelFormat.GRAPH_DEF, Map.of());
             Runner runner = session.newRunner()) {
            assertEquals(List.of(new TensorSpec("x", DType.FLOAT32, new long[]{-1, 3})), session.inputs());
            assertEquals(List.of(new TensorSpec("y", DType.FLOAT32, new long[]{-1, 2})), session.outputs());
            Tensor y = runner.runAndFetch(runner.prepare(Map.of("x", float32(new long[]{1, 3}, 3, 4, 5)))).get("y");
            assertArrayEquals(new float[]{40.5f, 51f}, y.toFloatArray(), 1e-5f);
            assertEquals("frozen GraphDef", session.properties().get("format"));
            assertFalse(session.properties().containsKey("signature"));
        }
    }

    @Test
    void savedModelPbFileOpensItsDirectory() throws BackendException {
        try (ModelSession session = open(linear.resolve("saved_model.pb"), ModelFormat.GRAPH_DEF, Map.of())) {
            assertEquals("x", session.inputs().get(0).name());
            assertTrue(session.properties().get("format").startsWith("SavedModel"));
        }
    }

    @Test
    void optionsAppearInProperties() throws BackendException {
        try (ModelSession session = open(linear, ModelFormat.SAVED_MODEL, Map.of("intra-op-threads", 1L,
                "inter-op-threads", 1L, "xla", true, "grappler", "aggressive"))) {
            Map<String, String> p = session.properties();
            assertTrue(p.get("tensorflow-version").matches("\\d+\\.\\d+\\.\\d+.*"), p.toString());
            assertEquals("1", p.get("intra-op-threads"));
            assertEquals("1", p.get("inter-op-threads"));
            assertTrue(p.get("xla").startsWith("true"), p.toString());
            assertTrue(p.get("grappler").startsWith("aggressive"), p.toString());
            assertTrue(p.get("onednn").startsWith("true") || p.get("onednn").startsWith("false"), p.toString());
            assertEquals("serving_default", p.get("signature"));
            assertEquals("/CPU:0", p.get("device"));
        }
        try (ModelSession session = open(linear, ModelFormat.SAVED_MODEL, Map.of("grappler", "off"));
             Runner runner = session.newRunner()) {
            assertTrue(session.properties().get("grappler").startsWith("off"));
            runner.run(runner.prepare(Map.of("x", float32(new long[]{1, 3}, 1, 1, 1))));
        }
    }

    @Test
    void wrongInputsNameTheInput() throws BackendException {
        try (ModelSession session = open(linear, ModelFormat.SAVED_MODEL, Map.of());
             Runner runner = session.newRunner()) {
            Tensor good = float32(new long[]{1, 3}, 1, 2, 3);
            BackendException unknown = assertThrows(BackendException.class, () -> runner.prepare(Map.of("x", good,
                    "z", good)));
            assertTrue(unknown.getMessage().contains("unknown input 'z'"), unknown.getMessage());
            BackendException missing = assertThrows(BackendException.class, () -> runner.prepare(Map.of()));
            assertTrue(missing.getMessage().contains("missing input 'x'"), missing.getMessage());
            BackendException dtype = assertThrows(BackendException.class, () -> runner.prepare(
                    Map.of("x", int64(new long[]{1, 3}, 1, 2, 3))));
            assertTrue(dtype.getMessage().contains("input 'x' is int64") && dtype.getMessage().contains("float32"),
                    dtype.getMessage());
            BackendException rank = assertThrows(BackendException.class, () -> runner.prepare(
                    Map.of("x", float32(new long[]{3}, 1, 2, 3))));
            assertTrue(rank.getMessage().contains("input 'x'") && rank.getMessage().contains("rank 2"),
                    rank.getMessage());
            BackendException dim = assertThrows(BackendException.class, () -> runner.prepare(
                    Map.of("x", float32(new long[]{1, 2}, 1, 2))));
            assertTrue(dim.getMessage().contains("dimension 1 must be 3"), dim.getMessage());
        }
    }

    @Test
    void missingAndCorruptModelsNameThePath() throws Exception {
        Path missing = dir.resolve("nothing-here");
        BackendException e1 = assertThrows(BackendException.class, () -> open(missing, ModelFormat.SAVED_MODEL, Map.of()));
        assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        BackendException e2 = assertThrows(BackendException.class, () -> open(empty, ModelFormat.SAVED_MODEL, Map.of()));
        assertTrue(e2.getMessage().contains("no saved_model.pb") && e2.getMessage().contains(empty.toString()),
                e2.getMessage());

        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.writeString(corrupt.resolve("saved_model.pb"), "this is not a protobuf");
        BackendException e3 = assertThrows(BackendException.class, () -> open(corrupt, ModelFormat.SAVED_MODEL, Map.of()));
        assertTrue(e3.getMessage().contains(corrupt.toString()), e3.getMessage());
        assertFalse(e3.getMessage().contains("\n"));

        Path badPb = Files.writeString(dir.resolve("bad.pb"), "garbage garbage garbage");
        BackendException e4 = assertThrows(BackendException.class, () -> open(badPb, ModelFormat.GRAPH_DEF, Map.of()));
        assertTrue(e4.getMessage().contains(badPb.toString()), e4.getMessage());

        BackendException e5 = assertThrows(BackendException.class,
                () -> open(dir.resolve("nope.pb"), ModelFormat.GRAPH_DEF, Map.of()));
        assertTrue(e5.getMessage().contains("nope.pb"), e5.getMessage());
    }

    @Test
    void unknownSignatureListsTheAvailableOnes() {
        BackendException e = assertThrows(BackendException.class,
                () -> open(linear, ModelFormat.SAVED_MODEL, Map.of("signature", "predict")));
        assertTrue(e.getMessage().contains("'predict'"), e.getMessage());
        assertTrue(e.getMessage().contains("[doubled, serving_default]"), e.getMessage());
    }

    @Test
    void gpuWithoutGpuIsDeviceUnavailable() throws BackendException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TfRuntime.get().gpus().isEmpty(), "this machine has a GPU");
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> provider.open(
                new ModelLoadRequest(linear, ModelFormat.SAVED_MODEL, Device.gpu(0), Map.of())));
        assertTrue(e.getMessage().startsWith("no GPU found: "), e.getMessage());
        assertTrue(e.getMessage().contains("gpu"), e.getMessage());
    }

    @Test
    void torchScriptIsUnsupported() {
        assertThrows(UnsupportedModelException.class, () -> open(dir.resolve("m.pt"), ModelFormat.TORCHSCRIPT, Map.of()));
    }

    @Test
    void runnersAreIndependentAndCloseReleases() throws Exception {
        ModelSession session = open(linear, ModelFormat.SAVED_MODEL, Map.of());
        {
            Runner a = session.newRunner();
            Runner b = session.newRunner();
            PreparedInput pa = a.prepare(Map.of("x", float32(new long[]{1, 3}, 1, 0, 0)));
            PreparedInput pb = b.prepare(Map.of("x", float32(new long[]{1, 3}, 0, 0, 1)));
            BackendException foreign = assertThrows(BackendException.class, () -> a.run(pb));
            assertTrue(foreign.getMessage().contains("not made by this runner"), foreign.getMessage());
            // Concurrent runs on one session.
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        b.run(pb);
                    }
                } catch (BackendException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            for (int i = 0; i < 50; i++) {
                a.run(pa);
            }
            t.join();
            assertArrayEquals(new float[]{1.5f, 1f}, a.runAndFetch(pa).get("y").toFloatArray(), 1e-5f);
            a.close();
            BackendException closed = assertThrows(BackendException.class, () -> a.run(pa));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            session.close();
            assertThrows(BackendException.class, () -> b.run(pb));
            assertThrows(BackendException.class, session::newRunner);
        }
    }
}
