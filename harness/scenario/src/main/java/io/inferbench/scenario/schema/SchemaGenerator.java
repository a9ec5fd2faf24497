package io.inferbench.scenario.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.ScenarioKeys;
import io.inferbench.scenario.keys.SectionRule;
import io.inferbench.scenario.keys.SectionSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Writes the scenario format's JSON Schema (draft 2020-12) from its one definition,
 * {@link ScenarioKeys}, and the options the given backends and evaluators declare: what editors check
 * is then exactly what the binder checks. {@code scenarios/scenario.schema.json} is this class's
 * output for the backends and evaluators InferBench ships (the CLI module's ScenarioSchemaTest keeps
 * it current).
 */
public final class SchemaGenerator {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID = "https://inferbench.io/schema/scenario-1.json";

    private final Map<String, BackendProvider> backends = new TreeMap<>();
    private final Map<String, Evaluator> evaluators = new TreeMap<>();
    private final Map<String, JsonNode> defs = new LinkedHashMap<>();
    private final ValueSchemas values = new ValueSchemas(this);
    private final RuleSchemas rules = new RuleSchemas(this);

    /** For these backends' and evaluators' options (by name: the schema lists them sorted). */
    public SchemaGenerator(Collection<? extends BackendProvider> backends, Collection<? extends Evaluator> evaluators) {
        backends.forEach(b -> this.backends.put(b.name(), b));
        evaluators.forEach(e -> this.evaluators.put(e.name(), e));
    }

    /** The schema as a JSON tree. */
    public ObjectNode schema() {
        defs.clear();
        ObjectNode root = SchemaNodes.object()
                .put("$schema", DIALECT)
                .put("$id", ID)
                .put("title", ScenarioKeys.TITLE);
        root.setAll(section(ScenarioKeys.SCENARIO));
        ObjectNode d = root.putObject("$defs");
        defs.forEach(d::set);
        return root;
    }

    /** The schema as the file is written: two-space indents, one value per line, a final newline. */
    public String json() {
        return SchemaJson.write(schema());
    }

    Map<String, BackendProvider> backends() {
        return backends;
    }

    Map<String, Evaluator> evaluators() {
        return evaluators;
    }

    /** A {@code $ref} to definition {@code id}, defined by {@code body} the first time it is referred to. */
    ObjectNode define(String id, Supplier<JsonNode> body) {
        if (!defs.containsKey(id)) {
            defs.put(id, null); // keeps first-reference order while the body refers to other definitions
            defs.put(id, body.get());
        }
        return SchemaNodes.ref(id);
    }

    /** A section where it is used: a {@code $ref} when it has a definition name, else the section itself. */
    ObjectNode reference(SectionSpec section) {
        return section.id() == null ? section(section) : define(section.id(), () -> section(section));
    }

    /** A section: its keys, nothing else, and its rules. */
    ObjectNode section(SectionSpec section) {
        ObjectNode s = SchemaNodes.object().put("description", section.description()).put("type", "object");
        ObjectNode properties = s.putObject("properties");
        for (KeySpec key : section.keys()) {
            properties.set(key.name(), values.property(key));
        }
        if (!section.requiredNames().isEmpty()) {
            s.set("required", SchemaNodes.strings(section.requiredNames()));
        }
        s.put("additionalProperties", false);
        for (SectionRule rule : section.rules()) {
            rules.apply(rule, section, s);
        }
        return s;
    }
}
