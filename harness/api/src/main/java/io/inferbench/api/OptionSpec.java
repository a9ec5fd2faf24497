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
 * @param max          for numbers: largest allowed value ({@link Double#POSITIVE_INFINITY} for none)
 * @param maxExclusive whether {@code max} itself is refused (a share below 1, say)
 * @param description  one line for docs and error messages
 */
public record OptionSpec(String name, Type type, Object defaultValue, List<String> allowed, double min,
                         double max, boolean maxExclusive, String description) {
    public enum Type { INT, NUMBER, BOOLEAN, STRING, ENUM }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowed = List.copyOf(allowed);
        if (Double.isNaN(max) || max < min) {
            throw new IllegalArgumentException(name + ": max " + max + " below min " + min);
        }
    }

    /** An option without an upper bound. */
    public OptionSpec(String name, Type type, Object defaultValue, List<String> allowed, double min,
                      String description) {
        this(name, type, defaultValue, allowed, min, Double.POSITIVE_INFINITY, false, description);
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

    /** A number in {@code [min, max]}. */
    public static OptionSpec number(String name, Double defaultValue, double min, double max, String description) {
        return new OptionSpec(name, Type.NUMBER, defaultValue, List.of(), min, max, false, description);
    }

    /** A number in {@code [min, limit)}, e.g. a share that must leave something over. */
    public static OptionSpec numberBelow(String name, Double defaultValue, double min, double limit,
                                         String description) {
        return new OptionSpec(name, Type.NUMBER, defaultValue, List.of(), min, limit, true, description);
    }

    /** Whether {@code value} (an INT or NUMBER option's) lies within the bounds. */
    public boolean inRange(double value) {
        return value >= min && (maxExclusive ? value < max : value <= max);
    }

    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY;
    }

    public static OptionSpec string(String name, String defaultValue, String description) {
        return new OptionSpec(name, Type.STRING, defaultValue, List.of(), 0, description);
    }

    /** What a valid value looks like, for error messages: e.g. {@code an integer >= 1}. */
    public String expected() {
        return switch (type) {
            case INT -> "an integer >= " + (long) min + (hasMax() ? (maxExclusive ? " and < " : " and <= ") + (long) max : "");
            case NUMBER -> "a number >= " + min + (hasMax() ? (maxExclusive ? " and < " : " and <= ") + max : "");
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case ENUM -> "one of " + String.join(", ", allowed);
        };
    }
}
