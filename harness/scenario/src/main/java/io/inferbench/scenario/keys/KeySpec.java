package io.inferbench.scenario.keys;

import java.util.List;
import java.util.Objects;

/**
 * One key of a scenario section: the single definition the binder reads it by and the JSON Schema
 * is generated from.
 *
 * @param name         the key as scenarios write it, e.g. {@code min-duration}
 * @param type         what values it accepts
 * @param defaultValue the value used when the key is absent, as a scenario would write it
 *                     ({@code "10s"}, {@code 100L}, {@code 0.95}, {@code "cpu"}); null when there is
 *                     none or it depends on other keys (the description says which)
 * @param required     whether the section must have it
 * @param description  what editors show; null only for a section whose own description says it all
 * @param examples     example values for editors, possibly none
 */
public record KeySpec(String name, ValueType type, Object defaultValue, boolean required, String description,
                      List<Object> examples) {
    public KeySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        examples = List.copyOf(examples);
    }

    /** An optional key without a default. */
    public static KeySpec of(String name, ValueType type, String description) {
        return new KeySpec(name, type, null, false, description, List.of());
    }

    /** A key holding the section {@code section}, described by the section itself. */
    public static KeySpec section(String name, SectionSpec section) {
        return of(name, new ValueType.Section(section), null);
    }

    public KeySpec withDefault(Object value) {
        return new KeySpec(name, type, value, required, description, examples);
    }

    public KeySpec asRequired() {
        return new KeySpec(name, type, defaultValue, true, description, examples);
    }

    public KeySpec withExamples(Object... values) {
        return new KeySpec(name, type, defaultValue, required, description, List.of(values));
    }

    /** The section this key holds; fails for a key of another type. */
    public SectionSpec section() {
        if (type instanceof ValueType.Section s) {
            return s.section();
        }
        throw new IllegalStateException(name + " is not a section but " + type);
    }

    public Long defaultLong() {
        return defaultValue == null ? null : ((Number) defaultValue).longValue();
    }

    public Integer defaultInt() {
        return defaultValue == null ? null : Math.toIntExact(((Number) defaultValue).longValue());
    }

    public Double defaultDouble() {
        return defaultValue == null ? null : ((Number) defaultValue).doubleValue();
    }

    public String defaultText() {
        return defaultValue == null ? null : defaultValue.toString();
    }

    public Boolean defaultFlag() {
        return (Boolean) defaultValue;
    }
}
