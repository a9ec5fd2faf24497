package io.inferbench.adapter.support;

import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionKeyTest {
    private static final OptionKey<Integer> THREADS = OptionKey.threads("intra-op-threads", "threads");
    private static final OptionKey<Boolean> SPIN = OptionKey.bool("allow-spinning", true, "spin");
    private static final OptionKey<String> LEVEL = OptionKey.choice("graph-optimization", "ALL",
            List.of("NO", "BASIC", "EXTENDED", "ALL"), "level");
    private static final OptionKey<String> GRAPPLER = OptionKey.choice("grappler", "default",
            List.of("default", "off", "aggressive"), "grappler");
    private static final OptionKey<String> SIGNATURE = OptionKey.string("signature", "serving_default", "sig");

    private static ModelLoadRequest request(Map<String, Object> options) {
        return new ModelLoadRequest(Path.of("m.onnx"), ModelFormat.ONNX, Device.CPU, options);
    }

    @Test
    void specsCarryTheDefaultsTheReadersUse() {
        assertEquals(List.of("intra-op-threads", "allow-spinning", "graph-optimization", "grappler", "signature"),
                OptionKey.specs(THREADS, SPIN, LEVEL, GRAPPLER, SIGNATURE).stream().map(OptionSpec::name).toList());
        assertEquals(new OptionSpec("intra-op-threads", OptionSpec.Type.INT, 0L, List.of(), 0, OptionKey.MAX_THREADS,
                false, "threads"), THREADS.spec(), "the spec carries the bound, so validate checks it as open does");
        assertTrue(THREADS.spec().inRange(4096) && !THREADS.spec().inRange(4097));
        assertEquals(OptionSpec.choice("grappler", "default", List.of("default", "off", "aggressive"), "grappler"),
                GRAPPLER.spec());
        ModelLoadRequest none = request(Map.of());
        assertEquals(0, THREADS.read(none));
        assertEquals(true, SPIN.read(none));
        assertEquals("ALL", LEVEL.read(none));
        assertEquals("default", GRAPPLER.read(none));
        assertEquals("serving_default", SIGNATURE.read(none));
    }

    @Test
    void readsTypedValuesInTheAllowedCase() {
        ModelLoadRequest r = request(Map.of("intra-op-threads", 3L, "allow-spinning", false,
                "graph-optimization", "basic", "grappler", "OFF", "signature", "Doubled"));
        assertEquals(3, THREADS.read(r));
        assertEquals(false, SPIN.read(r));
        assertEquals("BASIC", LEVEL.read(r));
        assertEquals("off", GRAPPLER.read(r));
        assertEquals("Doubled", SIGNATURE.read(r), "strings keep their case");
    }

    @Test
    void threadCountsAreBounded() {
        assertEquals("intra-op-threads must be between 0 and 4096, got -2", assertThrows(IllegalArgumentException.class,
                () -> THREADS.read(request(Map.of("intra-op-threads", -2L)))).getMessage());
        assertEquals("intra-op-threads must be between 0 and 4096, got 40000", assertThrows(
                IllegalArgumentException.class, () -> THREADS.read(request(Map.of("intra-op-threads", 40000L))))
                .getMessage());
        assertEquals(4096, THREADS.read(request(Map.of("intra-op-threads", 4096L))));
    }
}
