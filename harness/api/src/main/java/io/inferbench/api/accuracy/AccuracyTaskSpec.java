package io.inferbench.api.accuracy;

import java.nio.file.Path;
import java.util.Map;

/**
 * One accuracy task of a scenario: an evaluator, its data and its settings.
 *
 * @param name      the task's name in results, e.g. {@code spam}; defaults to the evaluator's name
 * @param evaluator the evaluator's name, e.g. {@code embedding-probe}
 * @param dataset   the data file, resolved against the scenario's folder; null when the evaluator
 *                  generates its own items (the OCR ones render text lines)
 * @param samples   how many items to use, at most; null for the evaluator's default
 * @param seed      seed of every random choice (splits, shuffles, rendered text)
 * @param batchSize items per inference call
 * @param options   the evaluator's own settings by name, defaults filled in (Long, Double, Boolean
 *                  or String values)
 */
public record AccuracyTaskSpec(String name, String evaluator, Path dataset, Integer samples, long seed, int batchSize,
                               Map<String, Object> options) {
    public AccuracyTaskSpec {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    public double number(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public long integer(String key) {
        return ((Number) require(key)).longValue();
    }

    public String string(String key) {
        return String.valueOf(require(key));
    }

    private Object require(String key) {
        Object v = options.get(key);
        if (v == null) {
            throw new IllegalArgumentException("task " + name + " has no option '" + key + "'");
        }
        return v;
    }
}
