package io.inferbench.scenario.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/** Small builders for the schema's JSON: objects, arrays, numbers as written, case-insensitive choices. */
final class SchemaNodes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}/";

    private SchemaNodes() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static ObjectNode ref(String def) {
        return object().put("$ref", "#/$defs/" + def);
    }

    static ObjectNode required(List<String> keys) {
        ObjectNode o = object();
        o.set("required", strings(keys));
        return o;
    }

    /** A bound as scenarios write it: {@code 0} rather than {@code 0.0} when it is whole. */
    static JsonNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? NODES.numberNode((long) v) : NODES.numberNode(v);
    }

    /** A default or example value as the JSON it is. */
    static JsonNode value(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(item -> a.add(value(item)));
            return a;
        }
        return NODES.textNode(String.valueOf(v));
    }

    /**
     * One of {@code values} in any letter case, as the binder reads it: the canonical spellings for
     * completion, then a pattern that accepts the others.
     */
    static ObjectNode choice(List<String> values) {
        ObjectNode canonical = object();
        canonical.set("enum", strings(values));
        ObjectNode o = object();
        o.putArray("anyOf").add(canonical).add(anyCase(values));
        return o;
    }

    /** A string equal to one of {@code values}, ignoring case. */
    static ObjectNode anyCase(List<String> values) {
        StringBuilder p = new StringBuilder("^(");
        for (int i = 0; i < values.size(); i++) {
            p.append(i == 0 ? "" : "|");
            for (char c : values.get(i).toCharArray()) {
                if (Character.isLetter(c)) {
                    p.append('[').append(Character.toUpperCase(c)).append(Character.toLowerCase(c)).append(']');
                } else {
                    p.append(REGEX_SPECIALS.indexOf(c) >= 0 ? "\\" : "").append(c);
                }
            }
        }
        return object().put("type", "string").put("pattern", p.append(")$").toString());
    }
}
