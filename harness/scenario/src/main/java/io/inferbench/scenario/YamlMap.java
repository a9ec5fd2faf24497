package io.inferbench.scenario;

import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A typed, position-aware view of one YAML mapping. Rejects keys outside the allowed set (with a
 * suggestion), duplicate keys, and values of the wrong type; every error names line, column and
 * field path. Getters return null (after recording a problem) on bad values, so binding goes on
 * and reports every problem in one pass.
 */
final class YamlMap {
    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMap(Node node, String path, Problems problems, Collection<String> allowed) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problems.at(t.getKeyNode(), path, "keys must be plain names");
                    continue;
                }
                String key = k.getValue();
                if (!allowed.contains(key)) {
                    problems.at(k, child(key), "unknown key '" + key + "'." + Suggestions.didYouMean(key, allowed)
                            + " Expected one of: " + String.join(", ", allowed));
                } else if (values.containsKey(key)) {
                    problems.at(k, child(key), "duplicate key '" + key + "'");
                } else {
                    values.put(key, t.getValueNode());
                }
            }
        }
    }

    /** A view of {@code node}, or null (with a problem recorded) when it is not a mapping. */
    static YamlMap of(Node node, String path, Problems problems, Collection<String> allowed) {
        if (!(node instanceof MappingNode)) {
            return problems.at(node, path, "expected a mapping (key: value lines), got " + describe(node));
        }
        return new YamlMap(node, path, problems, allowed);
    }

    /** The plain keys of {@code node} when it is a mapping (none otherwise), to view it without restricting them. */
    static List<String> topLevelKeys(Node node) {
        List<String> keys = new ArrayList<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.add(k.getValue());
                }
            }
        }
        return keys;
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Node raw(String key) {
        return values.get(key);
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** Problem at this mapping's own position. */
    <T> T problem(String message) {
        return problems.at(node, path, message);
    }

    /** Problem at a key's value. */
    <T> T problem(String key, String message) {
        return problems.at(values.getOrDefault(key, node), child(key), message);
    }

    YamlMap map(String key, Collection<String> allowed) {
        Node n = values.get(key);
        return n == null ? null : of(n, child(key), problems, allowed);
    }

    String string(String key, String fallback) {
        Node n = values.get(key);
        if (n == null) {
            return fallback;
        }
        if (!(n instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            return problems.at(n, child(key), "expected a string, got " + describe(n));
        }
        return s.getValue();
    }

    String requiredString(String key) {
        if (!values.containsKey(key)) {
            return problem("missing required key '" + key + "'");
        }
        return string(key, null);
    }

    Long integer(String key, long min, Long fallback) {
        Node n = values.get(key);
        return n == null ? fallback : integer(n, child(key), min, problems);
    }

    static Long integer(Node n, String path, long min, Problems problems) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                long v = Long.decode(s.getValue().replace("_", ""));
                if (v >= min) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return problems.at(n, path, "expected an integer >= " + min + ", got " + describe(n));
    }

    static Double number(Node n, String path, double min, Problems problems) {
        if (n instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                double v = Double.parseDouble(s.getValue().replace("_", ""));
                if (v >= min && Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return problems.at(n, path, "expected a number >= " + min + ", got " + describe(n));
    }

    Double number(String key, double min, Double fallback) {
        Node n = values.get(key);
        return n == null ? fallback : number(n, child(key), min, problems);
    }

    static Boolean bool(Node n, String path, Problems problems) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        return problems.at(n, path, "expected true or false, got " + describe(n));
    }

    /** A duration such as {@code 10s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
    Duration duration(String key, Duration fallback) {
        Node n = values.get(key);
        if (n == null) {
            return fallback;
        }
        Optional<Duration> d = n instanceof ScalarNode s ? Durations.parse(s.getValue()) : Optional.empty();
        if (d.isEmpty()) {
            return problems.at(n, child(key), "expected a duration such as 10s, 500ms or 2m, got " + describe(n));
        }
        return d.get();
    }

    /** One of {@code allowed} (case-insensitive), returned in its canonical spelling. */
    String choice(String key, List<String> allowed, String fallback) {
        Node n = values.get(key);
        return n == null ? fallback : choice(n, child(key), allowed, problems);
    }

    static String choice(Node n, String path, List<String> allowed, Problems problems) {
        if (n instanceof ScalarNode s) {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s.getValue())) {
                    return a;
                }
            }
            return problems.at(n, path, "expected one of " + String.join(", ", allowed) + ", got '" + s.getValue()
                    + "'." + Suggestions.didYouMean(s.getValue(), allowed));
        }
        return problems.at(n, path, "expected one of " + String.join(", ", allowed) + ", got " + describe(n));
    }

    /** Elements of a sequence value, or null with a problem. */
    List<Node> list(String key) {
        Node n = values.get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq)) {
            return problems.at(n, child(key), "expected a list, got " + describe(n));
        }
        return new ArrayList<>(seq.getValue());
    }

    /**
     * The entries of a mapping whose keys the caller interprets itself (tensor names, matrix axes):
     * non-scalar and duplicate keys are reported and left out.
     */
    static List<Map.Entry<String, Node>> entries(MappingNode m, String path, Problems problems) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.at(t.getKeyNode(), path, "keys must be plain names");
            } else if (out.containsKey(k.getValue())) {
                problems.at(k, path + "." + k.getValue(), "duplicate key '" + k.getValue() + "'");
            } else {
                out.put(k.getValue(), t.getValueNode());
            }
        }
        return new ArrayList<>(out.entrySet());
    }

    /** Position of the key node of {@code key} in mapping {@code m}, for errors about the key itself. */
    static Node keyNode(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return k;
            }
        }
        return m;
    }

    /** An integer that must also fit a Java int (sizes, counts, ids). */
    Integer smallInteger(String key, long min, Integer fallback) {
        Node n = values.get(key);
        if (n == null) {
            return fallback;
        }
        Long v = integer(n, child(key), min, problems);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE) {
            return problems.at(n, child(key), "expected an integer between " + min + " and " + Integer.MAX_VALUE
                    + ", got '" + v + "'");
        }
        return v.intValue();
    }

    /** The section {@code key} holds, with its keys allowed; null when absent. */
    YamlMap map(KeySpec key) {
        return map(key.name(), key.section().keyNames());
    }

    String string(KeySpec key) {
        return string(key.name(), key.defaultText());
    }

    String requiredString(KeySpec key) {
        return requiredString(key.name());
    }

    /** An integer in the key's range, both bounds checked; its default when absent, null after a problem. */
    Long integer(KeySpec key) {
        return integer(key.name(), whole(key), key.defaultLong());
    }

    /** An integer within {@code range}: "expected an integer between 1 and 4096, got '5000'" otherwise. */
    Long integer(String key, ValueType.Whole range, Long fallback) {
        Node n = values.get(key);
        if (n == null) {
            return fallback;
        }
        Long v = integer(n, child(key), range.min(), problems);
        if (v == null || v <= range.max()) {
            return v;
        }
        return problems.at(n, child(key), "expected an integer between " + range.min() + " and " + range.max()
                + ", got " + v);
    }

    Integer smallInteger(KeySpec key) {
        return smallInteger(key, key.defaultInt());
    }

    /** An integer in the key's range that also fits a Java int; {@code fallback} when absent. */
    Integer smallInteger(KeySpec key, Integer fallback) {
        Long v = integer(key.name(), new ValueType.Whole(whole(key).min(),
                Math.min(whole(key).max(), Integer.MAX_VALUE)), fallback == null ? null : fallback.longValue());
        return v == null ? null : Math.toIntExact(v);
    }

    Double number(KeySpec key) {
        return number(key.name(), decimal(key).lowest(), key.defaultDouble());
    }

    /** A duration no longer than the key's maximum; its default when absent, null after a problem. */
    Duration duration(KeySpec key) {
        return duration(key, key.defaultValue() == null ? null : Durations.parse(key.defaultText()).orElseThrow());
    }

    /** {@link #duration(KeySpec)} with a fallback computed by the binder (e.g. from other keys). */
    Duration duration(KeySpec key, Duration fallback) {
        return duration(key.name(), (ValueType.Duration) key.type(), fallback);
    }

    /** The duration at {@code key}, no longer than {@code range} allows. */
    Duration duration(String key, ValueType.Duration range, Duration fallback) {
        Node n = values.get(key);
        Duration d = duration(key, fallback);
        if (n == null || d == null || d.compareTo(range.max()) <= 0) {
            return d;
        }
        return problems.at(n, child(key), "expected a duration of at most " + range.maxText()
                + ", got " + describe(n));
    }

    String choice(KeySpec key) {
        return choice(key.name(), ((ValueType.Choice) key.type()).values(), key.defaultText());
    }

    Boolean flag(KeySpec key) {
        Node n = values.get(key.name());
        return n == null ? key.defaultFlag() : bool(n, child(key.name()), problems);
    }

    /**
     * A percentage key: {@code 10%} or {@code 10}, above 0 and below 100 (not a fraction such as
     * 0.1), as the percentage; {@code fallback} when absent, null after recording a problem.
     */
    Double percentage(KeySpec key, Double fallback) {
        Node n = values.get(key.name());
        if (n == null) {
            return fallback;
        }
        String text = n instanceof ScalarNode s ? s.getValue().strip() : "";
        try {
            double v = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
            if (v > 0 && v < 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return problems.at(n, child(key.name()), "expected a percentage between 0 and 100 such as 10%, got "
                + describe(n));
    }

    /**
     * A number key checked against both bounds of its {@link ValueType.Decimal}, the message naming
     * them ("above 0 and below 0.5"); null when absent or after recording a problem.
     */
    Double boundedNumber(KeySpec key) {
        Node n = values.get(key.name());
        if (n == null) {
            return null;
        }
        ValueType.Decimal d = decimal(key);
        Double v = number(n, child(key.name()), -Double.MAX_VALUE, problems);
        if (v == null) {
            return null;
        }
        boolean low = Double.isNaN(d.min()) || (d.minExclusive() ? v > d.min() : v >= d.min());
        boolean high = Double.isNaN(d.max()) || (d.maxExclusive() ? v < d.max() : v <= d.max());
        if (low && high) {
            return v;
        }
        return problems.at(n, child(key.name()), "expected a number " + bounds(d) + ", got " + describe(n));
    }

    /** {@code above 0 and below 0.5}, {@code at least 0 and at most 100}. */
    private static String bounds(ValueType.Decimal d) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(d.min())) {
            parts.add((d.minExclusive() ? "above " : "at least ") + plain(d.min()));
        }
        if (!Double.isNaN(d.max())) {
            parts.add((d.maxExclusive() ? "below " : "at most ") + plain(d.max()));
        }
        return String.join(" and ", parts);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The range of an integer key, or of each of its steps. */
    static ValueType.Whole whole(KeySpec key) {
        return (ValueType.Whole) (key.type() instanceof ValueType.Steps s ? s.step() : key.type());
    }

    /** The range of a number key, or of each of its steps. */
    static ValueType.Decimal decimal(KeySpec key) {
        return (ValueType.Decimal) (key.type() instanceof ValueType.Steps s ? s.step() : key.type());
    }

    /** How a node looks, for "expected X, got Y" messages. */
    static String describe(Node n) {
        if (n == null) {
            return "nothing";
        }
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) {
                return "an empty value";
            }
            return "'" + s.getValue() + "'";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }
}
