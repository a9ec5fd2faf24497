package io.inferbench.scenario.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.api.OptionSpec;
import java.util.List;
import java.util.Locale;

/** A plug-in's declared {@link OptionSpec}s as the schema of its {@code options:} mapping. */
final class OptionSchemas {
    private OptionSchemas() {
    }

    /** {@code djl-onnxruntime} -> {@code djlOnnxruntimeOptions}. */
    static String definitionName(String plugin) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : plugin.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.append("Options").toString();
    }

    static ObjectNode options(String description, List<OptionSpec> specs) {
        ObjectNode o = SchemaNodes.object().put("description", description).put("type", "object");
        ObjectNode properties = o.putObject("properties");
        specs.forEach(spec -> properties.set(spec.name(), option(spec)));
        return o.put("additionalProperties", false);
    }

    /** What the binder accepts for the option (its type and bounds), described, with its default. */
    static ObjectNode option(OptionSpec spec) {
        ObjectNode p = SchemaNodes.object();
        if (spec.description() != null) {
            p.put("description", sentence(spec.description()));
        }
        switch (spec.type()) {
            case INT -> {
                p.put("type", "integer");
                if ((long) spec.min() > Long.MIN_VALUE) {
                    p.put("minimum", (long) spec.min());
                }
                if (spec.hasMax()) {
                    p.put(spec.maxExclusive() ? "exclusiveMaximum" : "maximum", (long) spec.max());
                }
            }
            case NUMBER -> {
                p.put("type", "number");
                if (spec.min() > -Double.MAX_VALUE) {
                    p.set("minimum", SchemaNodes.number(spec.min()));
                }
                if (spec.hasMax()) {
                    p.set(spec.maxExclusive() ? "exclusiveMaximum" : "maximum", SchemaNodes.number(spec.max()));
                }
            }
            case BOOLEAN -> p.put("type", "boolean");
            case STRING -> p.put("type", "string");
            case ENUM -> p.setAll(SchemaNodes.choice(spec.allowed()));
        }
        if (spec.defaultValue() != null) {
            p.set("default", SchemaNodes.value(spec.defaultValue()));
        }
        return p;
    }

    /**
     * An option's one-line description (lower case, no final stop, as {@code inferbench backends
     * --options} prints it) as a sentence for editors. A first word in mixed case is a name (oneDNN)
     * and keeps its spelling.
     */
    static String sentence(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return s;
        }
        String first = s.split("[\\s:;,(]", 2)[0];
        if (first.equals(first.toLowerCase(Locale.ROOT))) {
            s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        }
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }
}
