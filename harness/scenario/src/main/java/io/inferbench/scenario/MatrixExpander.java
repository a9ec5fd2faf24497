package io.inferbench.scenario;

import io.inferbench.scenario.keys.MatrixKeys;
import io.inferbench.scenario.keys.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Expands {@code matrix:} into one YAML tree per configuration. Each axis is either
 * <pre>
 *   precision:                      # labelled variants: each value is a fragment merged into the scenario
 *     fp32: { model: { entry: a.onnx } }
 *     int8: { model: { entry: b.onnx } }
 *   threads:                        # a sweep: one field set to each value
 *     set: backend.options.intra-op-threads
 *     values: [1, 2]
 * </pre>
 * Merged trees keep the original nodes, so errors still point at the right line.
 */
final class MatrixExpander {
    /** One point of the matrix: axis name to value label, and the merged tree. */
    record Point(Map<String, String> axes, MappingNode tree) {
    }

    private record AxisValue(String label, Node fragment) {
    }

    private record Axis(String name, List<AxisValue> values) {
    }

    private MatrixExpander() {
    }

    /**
     * The matrix's points, or none (with a problem at {@code matrix}) when the product of its axes'
     * sizes, counted before anything is expanded, exceeds {@code max}.
     */
    static List<Point> expand(MappingNode root, Node matrix, Problems problems, int max) {
        List<Axis> axes = matrix == null ? List.of() : axes(matrix, problems);
        long count = 1;
        for (Axis axis : axes) {
            count = Math.min((long) Integer.MAX_VALUE + 1, count * axis.values().size());
        }
        if (count > max) {
            problems.at(matrix, "matrix", tooMany(count > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE
                    : Long.toString(count), max, axes.stream().map(a -> a.name() + " (" + a.values().size() + ")")
                    .collect(java.util.stream.Collectors.joining(" x "))));
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(new LinkedHashMap<>(), root));
        for (Axis axis : axes) {
            List<Point> next = new ArrayList<>();
            for (Point p : points) {
                for (AxisValue v : axis.values()) {
                    Map<String, String> labels = new LinkedHashMap<>(p.axes());
                    labels.put(axis.name(), v.label());
                    next.add(new Point(labels, (MappingNode) merge(p.tree(), v.fragment(), "")));
                }
            }
            points = next;
        }
        return points;
    }

    /** The one-line refusal of a plan of {@code count} configurations. */
    static String tooMany(String count, int max, String product) {
        return "the matrix expands to " + count + " configurations (" + product + "), more than the " + max
                + " allowed; split the scenario, or raise the bound with --max-configurations N";
    }

    private static List<Axis> axes(Node matrix, Problems problems) {
        if (!(matrix instanceof MappingNode m)) {
            problems.at(matrix, "matrix", "expected a mapping of axis name to values, got "
                    + YamlMap.describe(matrix));
            return List.of();
        }
        List<Axis> axes = new ArrayList<>();
        for (var entry : YamlMap.entries(m, "matrix", problems)) {
            String name = entry.getKey();
            String path = "matrix." + name;
            int before = problems.size();
            Axis axis = entry.getValue() instanceof MappingNode am && isSweep(am)
                    ? sweep(name, am, path, problems) : variants(name, entry.getValue(), path, problems);
            if (axis != null && axis.values().isEmpty() && problems.size() == before) {
                problems.at(entry.getValue(), path, "an axis needs at least one value");
            } else if (axis != null) {
                axes.add(axis);
            }
        }
        return axes;
    }

    /** An axis with a sweep's key is a sweep (then checked as one); any other is labelled variants. */
    private static boolean isSweep(MappingNode m) {
        return m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                && MatrixKeys.SWEEP.keyNames().contains(k.getValue()));
    }

    private static Axis sweep(String name, MappingNode node, String path, Problems problems) {
        YamlMap m = YamlMap.of(node, path, problems, MatrixKeys.SWEEP.keyNames());
        String field = m.requiredString(MatrixKeys.SET);
        String valuesKey = MatrixKeys.VALUES.name();
        List<Node> values = m.has(valuesKey) ? m.list(valuesKey) : m.problem("missing required key 'values'");
        if (field == null || values == null) {
            return null;
        }
        if (!((ValueType.Text) MatrixKeys.SET.type()).accepts(field)) {
            return m.problem(MatrixKeys.SET.name(), "expected a dotted field path such as backend.options.intra-op-threads, got '"
                    + field + "'");
        }
        List<AxisValue> out = new ArrayList<>();
        for (Node v : values) {
            if (!(v instanceof ScalarNode s)) {
                problems.at(v, path + "." + valuesKey, "sweep values must be plain values, got " + YamlMap.describe(v));
                continue;
            }
            out.add(new AxisValue(s.getValue(), fragment(field.split("\\."), v)));
        }
        return new Axis(name, out);
    }

    private static Axis variants(String name, Node node, String path, Problems problems) {
        if (!(node instanceof MappingNode m)) {
            return problems.at(node, path, "expected labelled variants (label: { fields to override }) or "
                    + "{ set: field.path, values: [..] }, got " + YamlMap.describe(node));
        }
        List<AxisValue> out = new ArrayList<>();
        for (var entry : YamlMap.entries(m, path, problems)) {
            String label = entry.getKey();
            if (!(entry.getValue() instanceof MappingNode)) {
                problems.at(entry.getValue(), path + "." + label, "expected a mapping of fields to override, got "
                        + YamlMap.describe(entry.getValue()));
                continue;
            }
            out.add(new AxisValue(label, entry.getValue()));
        }
        return new Axis(name, out);
    }

    /** {@code a.b.c = value} as nested mapping nodes positioned at the value. */
    private static Node fragment(String[] path, Node value) {
        Node n = value;
        for (int i = path.length - 1; i >= 0; i--) {
            ScalarNode key = new ScalarNode(Tag.STR, path[i], value.getStartMark(), value.getEndMark(),
                    org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
            List<NodeTuple> tuples = new ArrayList<>();
            tuples.add(new NodeTuple(key, n));
            n = new MappingNode(Tag.MAP, true, tuples, value.getStartMark(), value.getEndMark(),
                    org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        }
        return n;
    }

    /**
     * Deep merge: mappings merge key by key; anything else in {@code over} replaces {@code base}.
     * One exception: a {@code backend} that names another backend replaces the base's backend whole,
     * because options belong to one backend and would not be valid for the other.
     */
    static Node merge(Node base, Node over, String path) {
        if (!(base instanceof MappingNode b) || !(over instanceof MappingNode o)) {
            return over;
        }
        if (path.equals("backend") && switchesBackend(b, o)) {
            return over;
        }
        Map<String, NodeTuple> overByKey = new LinkedHashMap<>();
        List<NodeTuple> unkeyed = new ArrayList<>();
        for (NodeTuple t : o.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                overByKey.put(k.getValue(), t);
            } else {
                unkeyed.add(t); // reported by the binder as "keys must be plain names"
            }
        }
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple t : b.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            NodeTuple ot = key == null ? null : overByKey.remove(key);
            merged.add(ot == null ? t : new NodeTuple(t.getKeyNode(), merge(t.getValueNode(), ot.getValueNode(),
                    path.isEmpty() ? key : path + "." + key)));
        }
        merged.addAll(overByKey.values());
        merged.addAll(unkeyed);
        return new MappingNode(Tag.MAP, true, merged, b.getStartMark(), b.getEndMark(), b.getFlowStyle());
    }

    private static boolean switchesBackend(MappingNode base, MappingNode over) {
        String b = scalar(base, "name");
        String o = scalar(over, "name");
        return o != null && !o.equals(b);
    }

    private static String scalar(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v) {
                return v.getValue();
            }
        }
        return null;
    }

    /** Values of a sequence node, for callers that already checked it is one. */
    static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }
}
