package io.inferbench.adapter.onnxruntime;

import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.testsupport.TinyOnnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider: discovery, options, info() and open() failures. */
class OrtBackendProviderTest {
    private final OrtBackendProvider provider = new OrtBackendProvider();

    @Test
    void isFoundByServiceLoader() {
        List<BackendProvider> found = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("onnxruntime")).toList();
        assertEquals(1, found.size());
        assertInstanceOf(OrtBackendProvider.class, found.get(0));
        assertEquals(List.of(ModelFormat.ONNX), provider.formats());
    }

    @Test
    void declaresItsOptionsWithDefaults() {
        Map<String, OptionSpec> specs = provider.options().stream()
                .collect(java.util.stream.Collectors.toMap(OptionSpec::name, s -> s));
        assertEquals(List.of("intra-op-threads", "inter-op-threads", "graph-optimization", "execution-mode",
                "allow-spinning", "memory-pattern", "cpu-arena"),
                provider.options().stream().map(OptionSpec::name).toList());
        assertEquals(OptionSpec.Type.INT, specs.get("intra-op-threads").type());
        assertEquals(0.0, specs.get("intra-op-threads").min());
        assertEquals("ALL", specs.get("graph-optimization").defaultValue());
        assertEquals(List.of("NO", "BASIC", "EXTENDED", "ALL"), specs.get("graph-optimization").allowed());
        assertEquals("SEQUENTIAL", specs.get("execution-mode").defaultValue());
        assertEquals(true, specs.get("allow-spinning").defaultValue());
    }

    @Test
    void infoListsVersionCpuAndWhyThereIsNoGpu() {
        BackendInfo info = provider.info();

        assertEquals("onnxruntime", info.name());
        assertEquals("1.29.0", info.version());
        assertEquals("1.29.0", info.libraryVersions().get("onnxruntime"));
        assertEquals("com.microsoft.onnxruntime:onnxruntime:1.29.0", info.libraryVersions().get("onnxruntime-jar"));
        assertTrue(info.executionProviders().contains("CPUExecutionProvider"), info.executionProviders().toString());
        DeviceInfo cpu = info.devices().get(0);
        assertEquals(Device.CPU, cpu.device());
        assertTrue(cpu.available());
        assertFalse(cpu.description().isBlank());
        assertTrue(info.devices().stream().noneMatch(d -> d.device().kind() == Device.Kind.GPU));
        assertEquals(List.of(OrtBackendProvider.NO_CUDA_NOTE), info.notes());
    }

    @Test
    void nativesAreLoadedFromTheConfiguredCacheDir() throws Exception {
        OrtRuntime runtime = OrtRuntime.get();
        // surefire sets inferbench.cache.dir (see pom.xml)
        Path expected = Path.of(System.getProperty("inferbench.cache.dir"), "natives", "onnxruntime-1.29.0",
                OrtNatives.osArch());
        assertEquals(expected, runtime.natives().directory());
        assertEquals(expected.toString(), System.getProperty("onnxruntime.native.path"));
        assertTrue(Files.isRegularFile(expected.resolve(OrtNatives.fileName("onnxruntime"))));
        assertTrue(Files.isRegularFile(expected.resolve(OrtNatives.fileName("onnxruntime4j_jni"))));
    }

    @Test
    void missingModelFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.onnx");
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(TestModels.request(missing, Map.of())));
        assertEquals("model file not found: " + missing, e.getMessage());
    }

    @Test
    void corruptModelFileIsNamed(@TempDir Path dir) {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path corrupt = TestModels.write(dir, "corrupt.onnx", junk);
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(TestModels.request(corrupt, Map.of())));
        assertTrue(e.getMessage().contains(corrupt.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e instanceof UnsupportedModelException, e.getMessage());
    }

    @Test
    void directoryIsNotAModel(@TempDir Path dir) {
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(TestModels.request(dir, Map.of())));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void unknownOperatorIsAnUnsupportedModel(@TempDir Path dir) {
        Path model = TestModels.write(dir, "custom-op.onnx", TinyOnnx.singleOp("NoSuchOp", 1, 13));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> provider.open(TestModels.request(model, Map.of())));
        assertTrue(e.getMessage().contains("NoSuchOp"), e.getMessage());
    }

    @Test
    void missingKernelIsAnUnsupportedModel(@TempDir Path dir) {
        // Relu is defined for int16 since opset 14, but the CPU provider has no int16 kernel.
        Path model = TestModels.write(dir, "relu-int16.onnx",
                TinyOnnx.singleOp("Relu", OnnxDataTypes.code(DType.INT16), 14));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> provider.open(TestModels.request(model, Map.of())));
        assertTrue(e.getMessage().contains("Relu"), e.getMessage());
    }

    @Test
    void tooNewOpsetIsAnUnsupportedModel(@TempDir Path dir) {
        Path model = TestModels.write(dir, "opset99.onnx", TinyOnnx.singleOp("Relu", 1, 99));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> provider.open(TestModels.request(model, Map.of())));
        assertTrue(e.getMessage().contains("Opset 99 is under development"), e.getMessage());
    }

    @Test
    void otherFormatsAreUnsupported(@TempDir Path dir) {
        ModelLoadRequest request = new ModelLoadRequest(dir, ModelFormat.SAVED_MODEL, Device.CPU, Map.of());
        assertThrows(UnsupportedModelException.class, () -> provider.open(request));
    }

    @Test
    void gpuIsUnavailableInTheCpuBuild(@TempDir Path dir) {
        Path model = TestModels.write(dir, "identity.onnx", TinyOnnx.identities(List.of(DType.FLOAT32)));
        ModelLoadRequest request = new ModelLoadRequest(model, ModelFormat.ONNX, Device.gpu(0), Map.of());
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> provider.open(request));
        assertTrue(e.getMessage().startsWith("no GPU found: "), e.getMessage());
        assertTrue(e.getMessage().contains("-Pgpu"), e.getMessage());
    }

    @Test
    void optionsShowUpInProperties(@TempDir Path dir) throws Exception {
        Path model = TestModels.write(dir, "identity.onnx", TinyOnnx.identities(List.of(DType.FLOAT32)));
        Map<String, Object> options = Map.of("intra-op-threads", 3L, "inter-op-threads", 2L,
                "graph-optimization", "BASIC", "execution-mode", "PARALLEL", "allow-spinning", false,
                "memory-pattern", false, "cpu-arena", false);
        try (ModelSession session = provider.open(TestModels.request(model, options))) {
            Map<String, String> p = session.properties();
            assertEquals("3", p.get("intra-op-threads"));
            assertEquals("2", p.get("inter-op-threads"));
            assertEquals("BASIC", p.get("graph-optimization"));
            assertEquals("PARALLEL", p.get("execution-mode"));
            assertEquals("false", p.get("allow-spinning"));
            assertEquals("false", p.get("memory-pattern"));
            assertEquals("false", p.get("cpu-arena"));
            assertEquals("1.29.0", p.get("onnxruntime-version"));
            assertEquals("CPUExecutionProvider", p.get("execution-providers"));
            assertEquals("cpu", p.get("device"));
        }
        try (ModelSession session = provider.open(TestModels.request(model, Map.of()))) {
            assertEquals("0 (onnxruntime default)", session.properties().get("intra-op-threads"));
            assertEquals("ALL", session.properties().get("graph-optimization"));
            assertEquals("SEQUENTIAL", session.properties().get("execution-mode"));
        }
    }
}
