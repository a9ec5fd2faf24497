package io.inferbench.scenario;

import java.util.Map;

/**
 * Backend of a configuration.
 *
 * @param name    provider name, e.g. {@code onnxruntime}
 * @param options validated options with the provider's defaults filled in
 */
public record BackendSpec(String name, Map<String, Object> options) {
    public BackendSpec {
        options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    }
}
