package io.inferbench.scenario;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepSettings;
import io.inferbench.scenario.keys.OptimizationStepKeys;
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
 * Binds {@code optimization.steps}: each step's YAML becomes plain values and goes through
 * {@link StepSettings#parse}, the optimizer's own validation, so a bad setting is reported with the optimizer's
 * message at the line of the field it names ({@code prune.sparsity: expected a fraction in [0, 1), got 1.5}).
 */
final class StepsBinder {
    private StepsBinder() {
    }

    /** The steps in order; empty when absent; null (with problems recorded) when one is bad. */
    static List<OptimizationStep> bind(YamlMap optimization, Map<String, SourceLocation> locations) {
        if (optimization == null) {
            return List.of();
        }
        String key = OptimizationStepKeys.STEPS.name();
        List<Node> nodes = optimization.list(key);
        if (nodes == null) {
            return optimization.has(key) ? null : List.of();
        }
        String path = optimization.child(key);
        Node listNode = optimization.raw(key);
        locations.put(path, new SourceLocation(listNode.getStartMark().getLine() + 1,
                listNode.getStartMark().getColumn() + 1));
        List<OptimizationStep> steps = new ArrayList<>();
        boolean bad = false;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String at = path + "[" + i + "]";
            if (!(node instanceof MappingNode)) {
                optimization.problems().at(node, at, "expected a step such as {quantize: {mode: dynamic-int8}}, got "
                        + YamlMap.describe(node));
                bad = true;
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) plain(node);
                steps.addAll(StepSettings.parse(List.of(step)));
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
                optimization.problems().at(locate((MappingNode) node, field), at + (field.isEmpty()
                        || field.startsWith("optimization") ? "" : "." + field), message);
                bad = true;
            }
        }
        return bad ? null : steps;
    }

    /** The node a message's field ({@code prune.sparsity}) names, or the step itself. */
    private static Node locate(MappingNode step, String field) {
        Node here = step;
        for (String part : field.split("\\.")) {
            Node next = here instanceof MappingNode m ? child(m, part) : null;
            if (next == null && here == step) {
                // "per-channel: ..." names the setting without its step: look inside the step's settings.
                next = step.getValue().isEmpty() ? null : child(step.getValue().get(0).getValueNode(), part);
            }
            if (next == null) {
                return here;
            }
            here = next;
        }
        return here;
    }

    private static Node child(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    /** YAML as plain Java values: maps, lists, strings, longs, doubles, booleans, null. */
    private static Object plain(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                if (map.containsKey(key)) {
                    throw new IllegalArgumentException(key + ": duplicate key");
                }
                map.put(key, plain(t.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            return s.getValue().stream().map(StepsBinder::plain).toList();
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        return s.getValue();
    }
}
