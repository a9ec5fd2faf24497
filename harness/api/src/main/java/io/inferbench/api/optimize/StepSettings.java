package io.inferbench.api.optimize;

import io.inferbench.api.optimize.OptimizationStep.Calibration;
import io.inferbench.api.optimize.OptimizationStep.Convert;
import io.inferbench.api.optimize.OptimizationStep.Fp16;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import io.inferbench.api.optimize.OptimizationStep.Prune;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Steps from plain maps, as a scenario's {@code optimization.steps} spells them
 * ({@code [{quantize: {mode: dynamic-int8}}, {prune: {sparsity: 0.5}}]}), with the defaults of each step.
 * Only JDK types cross this boundary, so a caller in another class loader can hand steps over.
 */
public final class StepSettings {
    private StepSettings() {
    }

    /**
     * @throws IllegalArgumentException naming the step and field for an unknown step or key, or a bad value
     */
    public static List<OptimizationStep> parse(List<Map<String, Object>> steps) {
        List<OptimizationStep> parsed = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            if (step.size() != 1) {
                throw new IllegalArgumentException("optimization.steps: each step is one key (quantize, fp16, prune,"
                        + " graph-optimize or convert), got " + step.keySet());
            }
            var entry = step.entrySet().iterator().next();
            Map<String, Object> settings = settings(entry.getKey(), entry.getValue());
            parsed.add(parse(entry.getKey(), settings));
        }
        return parsed;
    }

    private static OptimizationStep parse(String key, Map<String, Object> s) {
        switch (key) {
            case "quantize" -> {
                allowed(key, s, Set.of("mode", "weight-type", "per-channel", "op-types", "exclude-nodes", "calibration"));
                return new Quantize(Quantize.Mode.parse(string(s, "mode", "dynamic-int8")),
                        Quantize.WeightType.parse(string(s, "weight-type", "int8")), bool(s, "per-channel", false),
                        strings(s, "op-types"), strings(s, "exclude-nodes"), calibration(s.get("calibration")));
            }
            case "fp16" -> {
                allowed(key, s, Set.of("keep-io-types", "op-block-list"));
                return new Fp16(bool(s, "keep-io-types", true), strings(s, "op-block-list"));
            }
            case "prune" -> {
                allowed(key, s, Set.of("method", "sparsity", "scope", "structure"));
                if (!s.containsKey("sparsity")) {
                    throw new IllegalArgumentException("prune.sparsity: expected a fraction in [0, 1)");
                }
                return new Prune(Prune.Method.parse(string(s, "method", "magnitude")), number(s, "sparsity"),
                        Prune.Scope.parse(string(s, "scope", "per-tensor")),
                        Prune.Structure.parse(string(s, "structure", "unstructured")));
            }
            case "graph-optimize" -> {
                allowed(key, s, Set.of("level"));
                return new GraphOptimize(GraphOptimize.Level.parse(string(s, "level", "all")));
            }
            case "convert" -> {
                allowed(key, s, Set.of("to"));
                return new Convert(Convert.Target.parse(string(s, "to", "savedmodel")));
            }
            default -> throw new IllegalArgumentException("optimization.steps: unknown step '" + key
                    + "' (expected quantize, fp16, prune, graph-optimize or convert)");
        }
    }

    private static Calibration calibration(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> c = settings("quantize.calibration", value);
        allowed("quantize.calibration", c, Set.of("dataset", "inputs", "samples", "method"));
        String source = c.containsKey("dataset") ? String.valueOf(c.get("dataset"))
                : c.containsKey("inputs") ? "inputs" : null;
        return new Calibration(source, (int) (c.containsKey("samples") ? number(c, "samples") : 100),
                Calibration.Method.parse(string(c, "method", "minmax")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(String key, Object value) {
        if (value == null || value instanceof Boolean b && b) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(key + ": expected a map of settings, got '" + value + "'");
    }

    private static void allowed(String key, Map<String, Object> settings, Set<String> keys) {
        for (String k : settings.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException(key + "." + k + ": unknown setting (expected one of "
                        + keys.stream().sorted().toList() + ")");
            }
        }
    }

    private static String string(Map<String, Object> s, String key, String fallback) {
        Object v = s.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> s, String key, boolean fallback) {
        Object v = s.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + ": expected true or false, got '" + v + "'");
    }

    private static double number(Map<String, Object> s, String key) {
        Object v = s.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a number, got '" + v + "'", e);
        }
    }

    private static List<String> strings(Map<String, Object> s, String key) {
        Object v = s.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new IllegalArgumentException(key + ": expected a list, got '" + v + "'");
    }
}
