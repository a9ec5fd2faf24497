package io.inferbench.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticBackendProviderTest {
    private final SyntheticBackendProvider provider = new SyntheticBackendProvider();

    /** Options as the scenario binder passes them: every default filled in, then the given overrides. */
    private ModelLoadRequest request(Map<String, Object> overrides) {
        Map<String, Object> options = new HashMap<>();
        for (OptionSpec spec : provider.options()) {
            options.put(spec.name(), spec.defaultValue());
        }
        options.putAll(overrides);
        return new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, options);
    }

    @Test
    void declaresTheOptionsWithDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        provider.options().forEach(o -> defaults.put(o.name(), o.defaultValue()));
        assertEquals(List.of("latency-ms", "distribution", "jitter-ms", "sigma", "second-latency-ms",
                "second-probability", "stall-every-ms", "stall-ms", "failure-rate", "seed"),
                provider.options().stream().map(OptionSpec::name).toList());
        assertEquals(0.5, defaults.get("sigma"));
        assertEquals(0.1, defaults.get("second-probability"));
        assertEquals(0.0, defaults.get("stall-every-ms"));
        OptionSpec distribution = provider.options().get(1);
        assertEquals(List.of("fixed", "uniform", "lognormal", "bimodal"), distribution.allowed());
        assertTrue(provider.options().stream().allMatch(o -> !o.description().isBlank()));
    }

    @Test
    void opensEveryDistributionWithDefaults() throws BackendException {
        for (String d : List.of("fixed", "uniform", "lognormal", "bimodal")) {
            try (ModelSession s = provider.open(request(Map.of("distribution", d)))) {
                assertEquals(d, s.properties().get("distribution"));
            }
        }
        try (ModelSession s = provider.open(new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, Map.of()))) {
            assertEquals("fixed", s.properties().get("distribution"), "no options at all: the defaults");
        }
    }

    @Test
    void opensWithStalls() throws BackendException {
        try (ModelSession s = provider.open(request(Map.of("stall-every-ms", 1000.0, "stall-ms", 50.0)))) {
            assertEquals("50.0", s.properties().get("stall-ms"));
        }
    }

    @Test
    void badOptionsAreRejectedWithClearMessages() {
        assertRejected(Map.of("distribution", "gaussian"),
                "distribution must be one of fixed, uniform, lognormal, bimodal, got 'gaussian'");
        assertRejected(Map.of("sigma", -0.5), "sigma must be a number >= 0, got -0.5");
        assertRejected(Map.of("second-probability", 1.5), "second-probability must be between 0 and 1, got 1.5");
        assertRejected(Map.of("failure-rate", 2.0), "failure-rate must be between 0 and 1, got 2.0");
        assertRejected(Map.of("distribution", "uniform", "latency-ms", 1.0, "jitter-ms", 1.5),
                "jitter-ms (1.5) must not exceed latency-ms (1.0)");
        assertRejected(Map.of("stall-every-ms", 10.0, "stall-ms", 20.0),
                "stall-ms (20.0) must be shorter than stall-every-ms (10.0)");
        assertRejected(Map.of("stall-ms", 20.0), "stall-ms (20.0) needs stall-every-ms");
    }

    private void assertRejected(Map<String, Object> options, String message) {
        BackendException e = assertThrows(BackendException.class, () -> provider.open(request(options)));
        assertTrue(e.getMessage().startsWith("synthetic backend: ") && e.getMessage().contains(message),
                e.getMessage());
    }

    @Test
    void gpuIsUnavailable() {
        assertThrows(DeviceUnavailableException.class, () -> provider.open(new ModelLoadRequest(null,
                ModelFormat.NONE, Device.gpu(0), Map.of())));
    }
}
