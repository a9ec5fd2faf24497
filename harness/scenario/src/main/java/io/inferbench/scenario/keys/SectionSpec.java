package io.inferbench.scenario.keys;

import java.util.List;
import java.util.Objects;

/**
 * A mapping of a scenario (the file itself, {@code run:}, {@code run.jvm:}, ...): its keys in order,
 * and the rules that tie keys together. Any other key is an error, for the binder and the schema alike.
 *
 * @param id          the schema's {@code $defs} name for a section referred to by name; null for one
 *                    written where it is used
 * @param description what editors show for the section
 * @param keys        its keys, in the order error messages and the schema list them
 * @param rules       constraints across keys
 */
public record SectionSpec(String id, String description, List<KeySpec> keys, List<SectionRule> rules) {
    public SectionSpec {
        Objects.requireNonNull(description, "description");
        keys = List.copyOf(keys);
        rules = List.copyOf(rules);
        if (keys.stream().map(KeySpec::name).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("duplicate key in section " + id);
        }
    }

    public SectionSpec(String id, String description, List<KeySpec> keys) {
        this(id, description, keys, List.of());
    }

    /** The allowed key names, in order. */
    public List<String> keyNames() {
        return keys.stream().map(KeySpec::name).toList();
    }

    /** The key named {@code name}; fails when there is none. */
    public KeySpec key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key '" + name + "' in section " + id));
    }

    /** The names of the keys that must be present. */
    public List<String> requiredNames() {
        return keys.stream().filter(KeySpec::required).map(KeySpec::name).toList();
    }
}
