package io.inferbench.api;

import java.util.List;
import java.util.Objects;

/**
 * One option a backend accepts under {@code backend.options} in a scenario.
 *
 * @param name         kebab-case key, e.g. {@code intra-op-threads}
 * @param type         value type
 * @param defaultValue value used when the scenario does not set it; {@code null} means "backend default"
 * @param allowed      for {@link Type#ENUM}: the allowed values; otherwise empty
 * @param min          for numbers: smallest allowed value
 * @param description  one line for docs and error messages
 */
public record OptionSpec(String name, Type type, Object defaultValue, List<String> allowed, double min,
                         String description) {
    public enum Type { INT, NUMBER, BOOLEAN, STRING, ENUM }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowed = List.copyOf(allowed);
    }

    public static OptionSpec integer(String name, Long defaultValue, long min, String description) {
        return new OptionSpec(name, Type.INT, defaultValue, List.of(), min, description);
    }

    public static OptionSpec bool(String name, boolean defaultValue, String description) {
        return new OptionSpec(name, Type.BOOLEAN, defaultValue, List.of(), 0, description);
    }

    public static OptionSpec choice(String name, String defaultValue, List<String> allowed, String description) {
        return new OptionSpec(name, Type.ENUM, defaultValue, allowed, 0, description);
    }

    public static OptionSpec number(String name, Double defaultValue, double min, String description) {
        return new OptionSpec(name, Type.NUMBER, defaultValue, List.of(), min, description);
    }

    public static OptionSpec string(String name, String defaultValue, String description) {
        return new OptionSpec(name, Type.STRING, defaultValue, List.of(), 0, description);
    }

    /** What a valid value looks like, for error messages: e.g. {@code an integer >= 1}. */
    public String expected() {
        return switch (type) {
            case INT -> "an integer >= " + (long) min;
            case NUMBER -> "a number >= " + min;
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case ENUM -> "one of " + String.join(", ", allowed);
        };
    }
}
