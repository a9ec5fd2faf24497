package io.inferbench.scenario.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.ValueType;
import io.inferbench.scenario.keys.ValueType.Decimal;
import io.inferbench.scenario.keys.ValueType.Text;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;
import java.util.Locale;

/** Each {@link ValueType} as JSON Schema, and a key as a property: description, type, default, examples. */
final class ValueSchemas {
    private final SchemaGenerator generator;

    ValueSchemas(SchemaGenerator generator) {
        this.generator = generator;
    }

    ObjectNode property(KeySpec key) {
        ObjectNode value = value(key.type());
        ObjectNode p = SchemaNodes.object();
        if (key.description() != null) {
            value.remove("description");
            // A duration's bound is not expressible in its pattern: editors show it in the description.
            p.put("description", key.description() + (key.type() instanceof ValueType.Duration d
                    ? " At most " + d.maxText() + "." : ""));
        }
        p.setAll(value);
        if (key.defaultValue() != null) {
            p.set("default", SchemaNodes.value(key.defaultValue()));
        }
        if (!key.examples().isEmpty()) {
            p.set("examples", SchemaNodes.value(key.examples()));
        }
        return p;
    }

    ObjectNode value(ValueType type) {
        if (type instanceof Text t) {
            return text(t);
        } else if (type instanceof Whole w) {
            return whole(w);
        } else if (type instanceof Decimal d) {
            return decimal(d);
        } else if (type instanceof ValueType.Flag) {
            return SchemaNodes.object().put("type", "boolean");
        } else if (type instanceof ValueType.Choice c) {
            return SchemaNodes.choice(c.values());
        } else if (type instanceof ValueType.NumberChoice c) {
            ObjectNode o = SchemaNodes.object();
            c.values().forEach(o.putArray("enum")::add);
            return o;
        } else if (type instanceof ValueType.Section s) {
            return generator.reference(s.section());
        } else if (type instanceof ValueType.AnyMapping) {
            return SchemaNodes.object().put("type", "object");
        }
        return composite(type);
    }

    /** The types made of others, or with a definition of their own. */
    private ObjectNode composite(ValueType type) {
        if (type instanceof ValueType.Duration) {
            return duration();
        } else if (type instanceof ValueType.MavenCoordinates) {
            return generator.define("mavenCoordinates", () -> SchemaNodes.object()
                    .put("description", ValueType.MavenCoordinates.DESCRIPTION)
                    .put("type", "string").put("pattern", ValueType.MavenCoordinates.PATTERN));
        } else if (type instanceof ValueType.Percentage) {
            ObjectNode o = SchemaNodes.object();
            o.putArray("anyOf").add(decimal(new Decimal(0, true, 100, true)))
                    .add(SchemaNodes.object().put("type", "string").put("pattern", ValueType.Percentage.PATTERN));
            return o;
        } else if (type instanceof ValueType.MapOf m) {
            ObjectNode o = SchemaNodes.object().put("type", "object");
            if (m.keys().pattern() != null) {
                o.putObject("propertyNames").put("pattern", m.keys().pattern());
            }
            o.set("additionalProperties", value(m.values()));
            return o;
        } else if (type instanceof ValueType.ListOf l) {
            return list(value(l.items()), l.minItems());
        } else if (type instanceof ValueType.Steps s) {
            ObjectNode o = SchemaNodes.object();
            o.putArray("anyOf").add(value(s.step())).add(list(value(s.step()), 1));
            return o;
        }
        return shaped(type);
    }

    /** The types only one key has. */
    private ObjectNode shaped(ValueType type) {
        if (type instanceof ValueType.Scalar s) {
            ObjectNode o = SchemaNodes.object();
            o.set("type", SchemaNodes.strings(List.of("string", "number", "integer", "boolean", "null")));
            return o.put("description", s.description());
        } else if (type instanceof ValueType.Dimensions d) {
            ObjectNode dimension = SchemaNodes.object().put("description", d.dimensionDescription());
            dimension.putArray("anyOf").add(whole(Whole.atLeast(0))).add(SchemaNodes.object().put("type", "string")
                    .put("pattern", "^(" + ValueType.Dimensions.DIMENSION + ")$"));
            return list(dimension, 0);
        } else if (type instanceof ValueType.Interval i) {
            ObjectNode o = SchemaNodes.object().put("type", "array");
            o.putArray("prefixItems")
                    .add(SchemaNodes.object().put("type", "number").put("description", i.lowDescription()))
                    .add(SchemaNodes.object().put("type", "number").put("description", i.highDescription()));
            return o.put("minItems", 2).put("maxItems", 2);
        } else if (type instanceof ValueType.Warmup w) {
            return warmup(w);
        } else if (type instanceof ValueType.ChoiceOrSection c) {
            ObjectNode o = SchemaNodes.object();
            o.putArray("anyOf").add(value(c.choice())).add(generator.reference(c.section()));
            return o;
        } else if (type instanceof ValueType.Matrix m) {
            return matrix(m);
        }
        throw new IllegalStateException("no schema for " + type);
    }

    private static ObjectNode text(Text t) {
        ObjectNode o = SchemaNodes.object().put("type", "string");
        if (t.pattern() != null) {
            o.put("pattern", t.pattern());
        }
        if (t.minLength() > 0) {
            o.put("minLength", t.minLength());
        }
        return o;
    }

    private static ObjectNode whole(Whole w) {
        ObjectNode o = SchemaNodes.object().put("type", "integer");
        if (w.min() > Long.MIN_VALUE) {
            o.put("minimum", w.min());
        }
        if (w.max() < Long.MAX_VALUE) {
            o.put("maximum", w.max());
        }
        return o;
    }

    private static ObjectNode decimal(Decimal d) {
        ObjectNode o = SchemaNodes.object().put("type", "number");
        if (!Double.isNaN(d.min())) {
            o.set(d.minExclusive() ? "exclusiveMinimum" : "minimum", SchemaNodes.number(d.min()));
        }
        if (!Double.isNaN(d.max())) {
            o.set(d.maxExclusive() ? "exclusiveMaximum" : "maximum", SchemaNodes.number(d.max()));
        }
        return o;
    }

    private static ObjectNode list(ObjectNode items, int minItems) {
        ObjectNode o = SchemaNodes.object().put("type", "array");
        if (minItems > 0) {
            o.put("minItems", minItems);
        }
        o.set("items", items);
        return o;
    }

    private ObjectNode duration() {
        return generator.define("duration", () -> {
            ObjectNode d = SchemaNodes.object().put("description", ValueType.Duration.DESCRIPTION);
            d.putArray("anyOf")
                    .add(SchemaNodes.object().put("type", "string").put("pattern", ValueType.Duration.PATTERN))
                    .add(decimal(Decimal.atLeast(0)));
            d.set("examples", SchemaNodes.strings(ValueType.Duration.EXAMPLES));
            return d;
        });
    }

    /** A count, a duration, or the long forms {@code { queries: N }} and {@code { duration: 5s }}. */
    private ObjectNode warmup(ValueType.Warmup w) {
        ObjectNode o = SchemaNodes.object();
        ArrayNode anyOf = o.putArray("anyOf");
        anyOf.add(property(w.queries())).add(value(w.duration().type()));
        for (KeySpec key : List.of(w.queries(), w.duration())) {
            ObjectNode form = SchemaNodes.object().put("type", "object").put("title", "warmup " + key.name());
            form.putObject("properties").set(key.name(), property(key));
            form.set("required", SchemaNodes.strings(List.of(key.name())));
            anyOf.add(form.put("additionalProperties", false));
        }
        return o;
    }

    /** Axes of sweeps or labelled variants, each variant a fragment overriding per-configuration keys. */
    private ObjectNode matrix(ValueType.Matrix m) {
        ObjectNode axis = SchemaNodes.object().put("description", m.axisDescription());
        axis.putArray("anyOf").add(generator.reference(m.sweep())).add(generator.define("variants", () -> {
            ObjectNode v = SchemaNodes.object().put("description", m.variantsDescription()).put("type", "object")
                    .put("minProperties", 1);
            v.putObject("propertyNames").putObject("not").set("enum", SchemaNodes.strings(m.sweep().keyNames()));
            v.set("additionalProperties", generator.define("fragment", () -> fragment(m)));
            return v;
        }));
        ObjectNode o = SchemaNodes.object().put("type", "object");
        o.set("additionalProperties", axis);
        return o;
    }

    private ObjectNode fragment(ValueType.Matrix m) {
        ObjectNode f = SchemaNodes.object().put("description", m.fragmentDescription()).put("type", "object");
        ObjectNode properties = f.putObject("properties");
        for (KeySpec key : m.overridable()) {
            // A fragment is merged before binding, so its sections are checked where they land, not here.
            properties.set(key.name(), key.type() instanceof ValueType.Section ? SchemaNodes.object()
                    .put("type", "object").put("description", capitalized(key.name()) + " fields to override.")
                    : property(key));
        }
        return f.put("additionalProperties", false);
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
