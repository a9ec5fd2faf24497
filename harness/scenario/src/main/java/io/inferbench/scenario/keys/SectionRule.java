package io.inferbench.scenario.keys;

import java.util.List;
import java.util.Map;

/** A constraint that ties keys of one section together, beyond what each key accepts on its own. */
public sealed interface SectionRule {

    /** A file is either {@code path}, or {@code maven} with {@code entry}: exactly one of the two. */
    record LocalOrMaven(String path, String maven, String entry) implements SectionRule {
    }

    /**
     * Keys that only some values of {@code choiceKey} accept (the load profiles): {@code owners} maps
     * each other key to the values it belongs to, {@code requiredBy} a value to the keys it needs.
     * Without {@code choiceKey}, its value is {@code absent}.
     */
    record KeysPerChoice(String choiceKey, String absent, Map<String, List<String>> owners,
                         Map<String, List<String>> requiredBy) implements SectionRule {
        public KeysPerChoice {
            owners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
            requiredBy = Map.copyOf(requiredBy);
        }
    }

    /** {@code key} is required unless {@code otherKey} is there (accuracy tasks, unless only agreement is asked for). */
    record RequiredUnless(String key, String otherKey) implements SectionRule {
    }

    /** {@code key} must be 0 unless {@code choiceKey} is {@code choice} (a device id on the CPU). */
    record ZeroUnless(String key, String choiceKey, String choice, String message) implements SectionRule {
    }

    /** {@code optionsKey} holds the options the plug-in named by {@code nameKey} declares, and only those. */
    record OptionsOf(String nameKey, String optionsKey, Plugin plugin) implements SectionRule {
    }

    /** Which kind of plug-in declares the options of {@link OptionsOf}. */
    enum Plugin { BACKEND, EVALUATOR }

    /**
     * A scenario without {@code matrixKey} needs {@code backendKey}, and {@code modelKey} unless its
     * backend loads no model (with a matrix, the variants may supply them).
     */
    record NeedsBackendAndModel(String matrixKey, String backendKey, String backendNameKey, String modelKey,
                                String description) implements SectionRule {
    }
}
