package io.inferbench.scenario;

import io.inferbench.api.OptionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds a plug-in's options (a backend's {@code backend.options}, an evaluator's task
 * {@code options}) against the {@link OptionSpec}s it declares: each option its default, unless the
 * scenario sets it to a value of the declared type.
 */
final class OptionBinder {
    private OptionBinder() {
    }

    /** The option names, the only keys the options mapping may have. */
    static List<String> names(List<OptionSpec> specs) {
        return specs.stream().map(OptionSpec::name).toList();
    }

    /** Defaults overridden by the values set in {@code given} (null: none set); bad values recorded and left out. */
    static Map<String, Object> bind(List<OptionSpec> specs, YamlMap given, Problems problems) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            if (spec.defaultValue() != null) {
                options.put(spec.name(), spec.defaultValue());
            }
        }
        if (given != null) {
            for (OptionSpec spec : specs) {
                if (given.has(spec.name())) {
                    Object v = value(spec, given.raw(spec.name()), given.child(spec.name()), problems);
                    if (v != null) {
                        options.put(spec.name(), v);
                    }
                }
            }
        }
        return options;
    }

    private static Object value(OptionSpec spec, Node n, String path, Problems problems) {
        return switch (spec.type()) {
            case INT -> belowMax(spec, YamlMap.integer(n, path, (long) spec.min(), problems), n, path, problems);
            case NUMBER -> belowMax(spec, YamlMap.number(n, path, spec.min(), problems), n, path, problems);
            case BOOLEAN -> YamlMap.bool(n, path, problems);
            case ENUM -> YamlMap.choice(n, path, spec.allowed(), problems);
            case STRING -> n instanceof ScalarNode s ? s.getValue()
                    : problems.at(n, path, "expected a string, got " + YamlMap.describe(n));
        };
    }

    /** The lower bound is YamlMap's check; the upper one, where the option has it, is checked here. */
    private static <T extends Number> T belowMax(OptionSpec spec, T value, Node n, String path, Problems problems) {
        if (value == null || spec.inRange(value.doubleValue())) {
            return value;
        }
        return problems.at(n, path, "expected " + spec.expected() + ", got " + value);
    }
}
