package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.OptimizerOptions.GlobalJitLevel;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RewriterConfig.Toggle;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options to ConfigProto, without loading TensorFlow's natives (the proto classes are plain Java). */
class TfOptionsTest {

    private static TfOptions options(Map<String, Object> values) throws BackendException {
        return TfOptions.from(new ModelLoadRequest(Path.of("m"), ModelFormat.SAVED_MODEL, Device.CPU, values));
    }

    @Test
    void defaults() throws BackendException {
        TfOptions o = options(Map.of());
        assertEquals(new TfOptions(0, 0, false, "default", true, "serving_default", true), o);
        ConfigProto c = o.toConfigProto(Device.CPU);
        assertEquals(0, c.getIntraOpParallelismThreads());
        assertEquals(GlobalJitLevel.OFF, c.getGraphOptions().getOptimizerOptions().getGlobalJitLevel());
        assertFalse(c.getGraphOptions().hasRewriteOptions());
        assertTrue(c.getAllowSoftPlacement());
        assertEquals(0, c.getDeviceCountOrThrow("GPU"));
    }

    @Test
    void threadsXlaSoftPlacement() throws BackendException {
        ConfigProto c = options(Map.of("intra-op-threads", 2L, "inter-op-threads", 1L, "xla", true,
                "allow-soft-placement", false)).toConfigProto(Device.CPU);
        assertEquals(2, c.getIntraOpParallelismThreads());
        assertEquals(1, c.getInterOpParallelismThreads());
        assertEquals(GlobalJitLevel.ON_1, c.getGraphOptions().getOptimizerOptions().getGlobalJitLevel());
        assertFalse(c.getAllowSoftPlacement());
    }

    @Test
    void grapplerModes() throws BackendException {
        RewriterConfig off = options(Map.of("grappler", "off")).toConfigProto(Device.CPU).getGraphOptions()
                .getRewriteOptions();
        assertTrue(off.getDisableMetaOptimizer());
        RewriterConfig aggressive = options(Map.of("grappler", "AGGRESSIVE")).toConfigProto(Device.CPU)
                .getGraphOptions().getRewriteOptions();
        assertEquals(Toggle.AGGRESSIVE, aggressive.getConstantFolding());
        assertEquals(Toggle.AGGRESSIVE, aggressive.getArithmeticOptimization());
        assertEquals(Toggle.AGGRESSIVE, aggressive.getLayoutOptimizer());
        assertFalse(aggressive.getDisableMetaOptimizer());
        assertNull(options(Map.of("grappler", "default")).rewriterConfig());
        BackendException e = assertThrows(BackendException.class, () -> options(Map.of("grappler", "max")));
        assertTrue(e.getMessage().contains("grappler"), e.getMessage());
    }

    @Test
    void gpuMakesOnlyThatGpuVisible() throws BackendException {
        ConfigProto c = options(Map.of()).toConfigProto(Device.gpu(1));
        assertEquals("1", c.getGpuOptions().getVisibleDeviceList());
        assertTrue(c.getGpuOptions().getAllowGrowth());
        assertFalse(c.containsDeviceCount("GPU"));
    }

    @Test
    void oneDnnFromTheEnvironment() {
        assertTrue(TfOptions.effectiveOneDnn(k -> k.equals("TF_ENABLE_ONEDNN_OPTS") ? "1" : null));
        assertTrue(TfOptions.effectiveOneDnn(k -> k.equals("TF_ENABLE_ONEDNN_OPTS") ? "TRUE" : null));
        assertFalse(TfOptions.effectiveOneDnn(k -> k.equals("TF_ENABLE_ONEDNN_OPTS") ? "0" : null));
        assertEquals(TfDevices.oneDnnDefault(), TfOptions.effectiveOneDnn(k -> null));
        assertEquals(TfDevices.oneDnnDefault(), TfOptions.effectiveOneDnn(k -> "maybe"));
    }

    @Test
    void oneDnnMismatchIsReportedNotFailed() throws BackendException {
        Map<String, String> off = options(Map.of("onednn", false))
                .describe(k -> k.equals("TF_ENABLE_ONEDNN_OPTS") ? "1" : null);
        assertEquals("true (TF_ENABLE_ONEDNN_OPTS=1)", off.get("onednn"));
        assertEquals("false", off.get("onednn-requested"));
        assertTrue(off.get("onednn-note").contains("forked JVM"), off.get("onednn-note"));
        Map<String, String> same = options(Map.of("onednn", false))
                .describe(k -> k.equals("TF_ENABLE_ONEDNN_OPTS") ? "0" : null);
        assertFalse(same.containsKey("onednn-note"));
        assertEquals(Map.of("TF_ENABLE_ONEDNN_OPTS", "0"), options(Map.of("onednn", false)).environment());
    }

    @Test
    void describeNamesEveryOption() throws BackendException {
        Map<String, String> d = options(Map.of("intra-op-threads", 2L, "xla", true, "grappler", "off"))
                .describe(k -> null);
        assertEquals("2", d.get("intra-op-threads"));
        assertEquals("0 (tensorflow default)", d.get("inter-op-threads"));
        assertTrue(d.get("xla").startsWith("true"));
        assertTrue(d.containsKey("xla-note"));
        assertTrue(d.get("grappler").startsWith("off"));
        assertEquals("serving_default", d.get("signature"));
    }
}
