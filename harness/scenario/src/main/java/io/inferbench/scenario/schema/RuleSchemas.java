package io.inferbench.scenario.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.OptionSpec;
import io.inferbench.scenario.keys.SectionRule;
import io.inferbench.scenario.keys.SectionSpec;
import io.inferbench.scenario.keys.ValueType;
import java.util.List;
import java.util.Map;

/** Each {@link SectionRule} as JSON Schema conditions on its section. */
final class RuleSchemas {
    private final SchemaGenerator generator;

    RuleSchemas(SchemaGenerator generator) {
        this.generator = generator;
    }

    /** Adds {@code rule} to {@code node}, the schema of {@code section}. */
    void apply(SectionRule rule, SectionSpec section, ObjectNode node) {
        if (rule instanceof SectionRule.LocalOrMaven r) {
            node.set("oneOf", localOrMaven(r));
        } else if (rule instanceof SectionRule.KeysPerChoice r) {
            List<String> choices = ((ValueType.Choice) section.key(r.choiceKey()).type()).values();
            choices.forEach(choice -> allOf(node).add(keysOf(r, choice)));
        } else if (rule instanceof SectionRule.ZeroUnless r) {
            ObjectNode otherwise = SchemaNodes.object();
            otherwise.putObject("properties").putObject(r.key()).put("const", 0).put("description", r.message() + ".");
            ObjectNode c = node.has("if") ? allOf(node).addObject() : node;
            c.set("if", is(r.choiceKey(), SchemaNodes.anyCase(List.of(r.choice()))));
            c.set("else", otherwise);
        } else if (rule instanceof SectionRule.RequiredUnless r) {
            allOf(node).addObject().putArray("anyOf").add(SchemaNodes.required(List.of(r.key())))
                    .add(SchemaNodes.required(List.of(r.otherKey())));
        } else if (rule instanceof SectionRule.OptionsOf r) {
            optionsOf(r, allOf(node));
        } else if (rule instanceof SectionRule.NeedsBackendAndModel r) {
            allOf(node).add(needsBackendAndModel(r));
        } else {
            throw new IllegalStateException("no schema for " + rule);
        }
    }

    private static ArrayNode allOf(ObjectNode node) {
        return node.has("allOf") ? (ArrayNode) node.get("allOf") : node.putArray("allOf");
    }

    /** A condition: {@code key} is present and matches {@code schema}. */
    private static ObjectNode is(String key, ObjectNode schema) {
        ObjectNode c = SchemaNodes.object();
        c.putObject("properties").set(key, schema);
        c.set("required", SchemaNodes.strings(List.of(key)));
        return c;
    }

    private static ArrayNode localOrMaven(SectionRule.LocalOrMaven r) {
        ObjectNode local = SchemaNodes.object().put("title", "local file");
        local.set("required", SchemaNodes.strings(List.of(r.path())));
        local.putObject("not").putArray("anyOf").add(SchemaNodes.required(List.of(r.maven())))
                .add(SchemaNodes.required(List.of(r.entry())));
        ObjectNode maven = SchemaNodes.object().put("title", "entry in a Maven artifact");
        maven.set("required", SchemaNodes.strings(List.of(r.maven(), r.entry())));
        maven.set("not", SchemaNodes.required(List.of(r.path())));
        return SchemaNodes.object().arrayNode().add(local).add(maven);
    }

    /**
     * With {@code choice} (or, for the default choice, without the key): the keys it does not own
     * are out, and those it needs are required.
     */
    private static ObjectNode keysOf(SectionRule.KeysPerChoice r, String choice) {
        ObjectNode condition = is(r.choiceKey(), SchemaNodes.anyCase(List.of(choice)));
        if (choice.equals(r.absent())) {
            ObjectNode either = SchemaNodes.object();
            either.putArray("anyOf").add(SchemaNodes.object().set("not", SchemaNodes.required(List.of(r.choiceKey()))))
                    .add(condition);
            condition = either;
        }
        ObjectNode then = SchemaNodes.object();
        ObjectNode forbidden = SchemaNodes.object();
        r.owners().forEach((key, owners) -> {
            if (!owners.contains(choice)) {
                forbidden.set(key, BooleanNode.FALSE);
            }
        });
        if (!forbidden.isEmpty()) {
            then.set("properties", forbidden);
        }
        List<String> required = r.requiredBy().getOrDefault(choice, List.of());
        if (!required.isEmpty()) {
            then.set("required", SchemaNodes.strings(required));
        }
        ObjectNode c = SchemaNodes.object();
        c.set("if", condition);
        return c.set("then", then);
    }

    /** One condition per plug-in: named so, its options are exactly those it declares. */
    private void optionsOf(SectionRule.OptionsOf r, ArrayNode allOf) {
        Map<String, List<OptionSpec>> declared = new java.util.TreeMap<>();
        String kind = r.plugin() == SectionRule.Plugin.BACKEND ? "backend" : "evaluator";
        if (r.plugin() == SectionRule.Plugin.BACKEND) {
            generator.backends().forEach((name, b) -> declared.put(name, b.options()));
        } else {
            generator.evaluators().forEach((name, e) -> declared.put(name, e.options()));
        }
        declared.forEach((name, specs) -> {
            ObjectNode options = SchemaNodes.object();
            options.set(r.optionsKey(), generator.define(OptionSchemas.definitionName(name),
                    () -> OptionSchemas.options("Options of the " + name + " " + kind + ".", specs)));
            ObjectNode then = SchemaNodes.object();
            then.set("properties", options);
            ObjectNode c = SchemaNodes.object();
            c.set("if", is(r.nameKey(), SchemaNodes.object().put("const", name)));
            allOf.add(c.set("then", then));
        });
    }

    /** Without a matrix: a backend, and a model unless the backend is one that loads none. */
    private ObjectNode needsBackendAndModel(SectionRule.NeedsBackendAndModel r) {
        List<String> modelless = generator.backends().values().stream()
                .filter(b -> b.formats().contains(ModelFormat.NONE)).map(BackendProvider::name).toList();
        ObjectNode then = SchemaNodes.required(modelless.isEmpty() ? List.of(r.backendKey(), r.modelKey())
                : List.of(r.backendKey()));
        if (!modelless.isEmpty()) {
            ObjectNode name = SchemaNodes.object();
            if (modelless.size() == 1) {
                name.put("const", modelless.get(0));
            } else {
                name.set("enum", SchemaNodes.strings(modelless));
            }
            then.set("if", is(r.backendKey(), is(r.backendNameKey(), name)));
            then.set("else", SchemaNodes.required(List.of(r.modelKey())));
        }
        ObjectNode c = SchemaNodes.object().put("description", r.description());
        c.putObject("if").set("not", SchemaNodes.required(List.of(r.matrixKey())));
        return c.set("then", then);
    }
}
