package io.inferbench.adapter.djl;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.testsupport.ModelJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three providers' metadata, and clear one-line errors for every way a request can be wrong. */
class DjlErrorsTest {
    @TempDir
    Path dir;

    @Test
    void oneProviderPerEngineWithItsOwnFormat() {
        assertEquals(List.of(ModelFormat.ONNX), DjlTestModels.provider("djl-onnxruntime").formats());
        // Not ONNX: the harness converts ONNX for it in a separate JVM.
        assertEquals(List.of(ModelFormat.SAVED_MODEL), DjlTestModels.provider("djl-tensorflow").formats());
        assertEquals(List.of(ModelFormat.TORCHSCRIPT), DjlTestModels.provider("djl-pytorch").formats());
        assertTrue(DjlTestModels.provider("djl-onnxruntime").options().stream()
                .anyMatch(o -> o.name().equals("graph-optimization")));
        assertTrue(DjlTestModels.provider("djl-tensorflow").options().stream()
                .anyMatch(o -> o.name().equals("signature")));
        assertEquals(Map.of("DJL_OFFLINE", "true", "TF_ENABLE_ONEDNN_OPTS", "0"),
                DjlTestModels.provider("djl-tensorflow").environment(Map.of("onednn", false)));
        assertEquals("4", DjlTestModels.provider("djl-pytorch").environment(Map.of("intra-op-threads", 4L))
                .get("OMP_NUM_THREADS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"djl-onnxruntime", "djl-pytorch"})
    void infoListsVersionsAndTheCpu(String name) {
        BackendInfo info = DjlTestModels.provider(name).info();
        assertEquals(name, info.name());
        assertFalse(info.version().startsWith("unknown"), info.toString());
        assertEquals("0.36.0", info.libraryVersions().get("djl"));
        assertTrue(info.devices().get(0).available(), info.toString());
        assertEquals(Device.CPU, info.devices().get(0).device());
        assertTrue(info.notes().stream().anyMatch(n -> n.contains("no GPU visible")), info.notes().toString());
    }

    @Test
    void missingModelFile() {
        BackendException e = assertThrows(BackendException.class, () -> DjlTestModels.provider("djl-onnxruntime")
                .open(DjlTestModels.request(dir.resolve("nope.onnx"), ModelFormat.ONNX, Map.of())));
        assertEquals("model file not found: " + dir.resolve("nope.onnx"), e.getMessage());
    }

    @Test
    void notASavedModelDirectory() {
        BackendException e = assertThrows(BackendException.class, () -> DjlTestModels.provider("djl-tensorflow")
                .open(DjlTestModels.request(dir, ModelFormat.SAVED_MODEL, Map.of())));
        assertEquals("not a SavedModel directory (no saved_model.pb): " + dir, e.getMessage());
    }

    @Test
    void brokenOnnxFileIsABackendErrorNamingTheFile() throws Exception {
        Path model = Files.writeString(dir.resolve("broken.onnx"), "this is not a protobuf");
        BackendException e = assertThrows(BackendException.class, () -> DjlTestModels.provider("djl-onnxruntime")
                .open(DjlTestModels.request(model, ModelFormat.ONNX, Map.of())));
        assertTrue(e.getMessage().startsWith("cannot load " + model + " with DJL OnnxRuntime: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void wrongFormatIsUnsupported() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, dir);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> DjlTestModels
                .provider("djl-tensorflow").open(DjlTestModels.request(model, ModelFormat.ONNX, Map.of())));
        assertEquals("djl-tensorflow opens TensorFlow SavedModel directories only, not ONNX", e.getMessage());
    }

    @Test
    void badOptions() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, dir);
        BackendProvider djl = DjlTestModels.provider("djl-onnxruntime");
        BackendException e = assertThrows(BackendException.class, () -> djl.open(
                DjlTestModels.request(model, ModelFormat.ONNX, Map.of("graph-optimization", "MAX"))));
        assertEquals("invalid djl-onnxruntime option: graph-optimization must be one of NO, BASIC, EXTENDED, ALL,"
                + " got MAX", e.getMessage());
        e = assertThrows(BackendException.class, () -> djl.open(
                DjlTestModels.request(model, ModelFormat.ONNX, Map.of("signature", "x"))));
        assertTrue(e.getMessage().startsWith("invalid djl-onnxruntime option 'signature': known options are "),
                e.getMessage());
        e = assertThrows(BackendException.class, () -> djl.open(
                DjlTestModels.request(model, ModelFormat.ONNX, Map.of("intra-op-threads", -2L))));
        assertEquals("invalid djl-onnxruntime option: intra-op-threads must be between 0 and 4096, got -2",
                e.getMessage());
        e = assertThrows(BackendException.class, () -> DjlTestModels.provider("djl-pytorch").open(
                DjlTestModels.request(model, ModelFormat.TORCHSCRIPT, Map.of("input-specs", "x:float99[1]"))));
        assertEquals("invalid djl-pytorch option: input-specs entry 'x:float99[1]' has unknown element type"
                + " 'float99'", e.getMessage());
    }

    @Test
    void gpuOnThisMachineIsUnavailable() throws Exception {
        Path model = ModelJars.extract(ModelJars.OCR_CLS, dir);
        // On a machine with a GPU and a GPU build this would open; the CPU build never sees one.
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> DjlTestModels
                .provider("djl-onnxruntime").open(new ModelLoadRequest(model, ModelFormat.ONNX, Device.gpu(0),
                        Map.of())));
        assertTrue(e.getMessage().startsWith("no GPU found: DJL OnnxRuntime sees no CUDA GPU"), e.getMessage());
    }

    @Test
    void inputSpecsParse() {
        assertEquals("x:float32[-1,3,48,192];ids:int64[1,128]", DjlInputSpecs.format(
                DjlInputSpecs.parse(" x : float32[-1, 3, 48, 192] ; ids:int64[1,128];")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlInputSpecs.parse("x[1]"));
        assertTrue(e.getMessage().contains("is not name:dtype[dims]"), e.getMessage());
    }

    @Test
    void oneLineKeepsTheRootCause() {
        Exception e = new RuntimeException("Failed to load PyTorch native library",
                new IllegalStateException("libtorch.so:\n cannot open shared object file"));
        assertEquals("Failed to load PyTorch native library: libtorch.so: cannot open shared object file",
                DjlErrors.oneLine(e));
    }
}
