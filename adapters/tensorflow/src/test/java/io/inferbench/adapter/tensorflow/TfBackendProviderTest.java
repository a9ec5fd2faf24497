package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.OptionSpec;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TfBackendProviderTest {

    @Test
    void forkedJvmsGetTheEnvironmentThatSwitchesOneDnnAndCpuXla() {
        TfBackendProvider p = new TfBackendProvider();
        assertEquals(java.util.Map.of("TF_ENABLE_ONEDNN_OPTS", "0", "TF_XLA_FLAGS", "--tf_xla_cpu_global_jit"),
                p.environment(java.util.Map.of("onednn", false, "xla", true)));
        assertEquals(java.util.Map.of("TF_ENABLE_ONEDNN_OPTS", "1"), p.environment(java.util.Map.of("onednn", true)));
    }

    @Test
    void registeredForServiceLoader() {
        List<String> names = ServiceLoader.load(BackendProvider.class).stream()
                .map(p -> p.get().name()).toList();
        assertTrue(names.contains("tensorflow"), names.toString());
    }

    @Test
    void declaresFormatsAndOptions() {
        TfBackendProvider provider = new TfBackendProvider();
        assertEquals("tensorflow", provider.name());
        assertEquals(List.of(ModelFormat.SAVED_MODEL, ModelFormat.GRAPH_DEF, ModelFormat.ONNX), provider.formats());
        assertEquals(List.of("intra-op-threads", "inter-op-threads", "xla", "grappler", "onednn", "signature",
                "allow-soft-placement"), provider.options().stream().map(OptionSpec::name).toList());
        OptionSpec grappler = provider.options().get(3);
        assertEquals(List.of("default", "off", "aggressive"), grappler.allowed());
        assertEquals("serving_default", provider.options().get(5).defaultValue());
    }

    @Test
    void infoHasVersionAndCpu() {
        BackendInfo info = new TfBackendProvider().info();
        assertEquals("tensorflow", info.name());
        assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+.*"), info.version());
        assertEquals(info.version(), info.libraryVersions().get("tensorflow"));
        assertTrue(info.libraryVersions().get("tensorflow-java").endsWith(":1.1.0"), info.libraryVersions().toString());
        DeviceInfo cpu = info.devices().get(0);
        assertEquals(Device.CPU, cpu.device());
        assertTrue(cpu.available());
        // The default (CPU) build sees no GPU, and says how to get one.
        if (info.devices().size() == 1) {
            assertTrue(info.notes().contains(TfBackendProvider.NO_GPU_NOTE), info.notes().toString());
        }
        assertTrue(info.notes().stream().anyMatch(n -> n.startsWith("oneDNN ")), info.notes().toString());
    }

    /** Surefire sets inferbench.cache.dir to target/test-cache (see the pom). */
    @Test
    void javacppCacheIsInTheInferBenchCache() throws Exception {
        new TfBackendProvider().info();
        String configured = System.getProperty("inferbench.cache.dir");
        assertNotNull(configured, "surefire sets inferbench.cache.dir");
        Path expected = Path.of(configured, "javacpp");
        assertEquals(expected.toString(), System.getProperty(TfNatives.JAVACPP_CACHE_PROPERTY));
        assertEquals(expected.toFile().getCanonicalFile(), Loader.getCacheDir().getCanonicalFile());
        try (var entries = Files.list(expected)) {
            assertTrue(entries.anyMatch(p -> p.getFileName().toString().startsWith("tensorflow-core-native")),
                    "natives unpacked into " + expected);
        }
        assertTrue(TfRuntime.get().natives().managed());
    }

    @Test
    void cacheDirFollowsTheInferBenchRule() {
        assertEquals(Path.of("/p"), TfNatives.cacheDir(k -> k.equals("inferbench.cache.dir") ? "/p" : null,
                k -> "/ignored"));
        assertEquals(Path.of("/e"), TfNatives.cacheDir(k -> null, k -> k.equals("INFERBENCH_CACHE_DIR") ? "/e" : null));
        assertEquals(Path.of("/x/inferbench"), TfNatives.cacheDir(k -> null,
                k -> k.equals("XDG_CACHE_HOME") ? "/x" : null));
        assertEquals(Path.of("/home/u/.cache/inferbench"), TfNatives.cacheDir(
                k -> k.equals("user.home") ? "/home/u" : null, k -> k.equals("XDG_CACHE_HOME") ? "relative" : null));
        assertFalse(TfNatives.cacheDir(k -> k.equals("user.home") ? "/h" : null, k -> null).toString().isEmpty());
    }
}
