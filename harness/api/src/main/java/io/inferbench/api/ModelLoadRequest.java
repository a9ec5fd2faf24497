package io.inferbench.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to load and how.
 *
 * @param modelPath the model file or directory; {@code null} only for {@link ModelFormat#NONE}
 * @param format    the model's format
 * @param device    where to run
 * @param options   backend options, already validated against {@link BackendProvider#options()}
 *                  and filled with defaults; values are {@link String}, {@link Long},
 *                  {@link Double} or {@link Boolean}
 */
public record ModelLoadRequest(Path modelPath, ModelFormat format, Device device, Map<String, Object> options) {
    public ModelLoadRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(device, "device");
        options = Map.copyOf(options);
        if (modelPath == null && format != ModelFormat.NONE) {
            throw new IllegalArgumentException("modelPath is required for format " + format);
        }
    }

    /** The option's value, or {@code fallback} when it is not set. */
    public Object option(String name, Object fallback) {
        return options.getOrDefault(name, fallback);
    }

    public long longOption(String name, long fallback) {
        Object v = options.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    public String stringOption(String name, String fallback) {
        Object v = options.get(name);
        return v == null ? fallback : v.toString();
    }

    public boolean booleanOption(String name, boolean fallback) {
        Object v = options.get(name);
        return v instanceof Boolean b ? b : fallback;
    }

    public double doubleOption(String name, double fallback) {
        Object v = options.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }
}
