package io.inferbench.scenario;

import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.LoadKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
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

/**
 * Load steps: {@code concurrency: [1, 2, 4, 8]} or {@code rate: [50, 100, 200]} become one
 * configuration per step, labelled with an axis of the same name, like a matrix sweep. Each step
 * keeps its own YAML node, so errors point at the step's line.
 */
final class StepExpander {
    /** The load keys that take steps. */
    private static final List<String> STEPPED = LoadKeys.SECTION.keys().stream()
            .filter(k -> k.type() instanceof ValueType.Steps).map(KeySpec::name).toList();

    private StepExpander() {
    }

    /**
     * Each point with load steps as one point per step; none (with a problem) when that makes more
     * than {@code max} configurations, counted before expanding.
     */
    static List<MatrixExpander.Point> expand(List<MatrixExpander.Point> points, Problems problems, int max) {
        long count = 0;
        for (MatrixExpander.Point p : points) {
            SequenceNode steps = steps(p);
            count += steps == null ? 1 : Math.max(1, steps.getValue().size());
        }
        if (count > max) {
            problems.at(points.isEmpty() ? null : value(points.get(0).tree(), ScenarioKeys.LOAD.name()), "load",
                    MatrixExpander.tooMany(Long.toString(count), max, points.size() + " matrix points with their "
                            + "load steps"));
            return List.of();
        }
        List<MatrixExpander.Point> out = new ArrayList<>();
        for (MatrixExpander.Point p : points) {
            Node load = value(p.tree(), ScenarioKeys.LOAD.name());
            String key = null;
            SequenceNode steps = null;
            if (load instanceof MappingNode lm) {
                for (String k : STEPPED) {
                    if (value(lm, k) instanceof SequenceNode s) {
                        key = k;
                        steps = s;
                    }
                }
            }
            if (steps == null) {
                out.add(p);
                continue;
            }
            if (steps.getValue().isEmpty()) {
                problems.at(steps, "load." + key, "a list of steps needs at least one value");
                continue;
            }
            for (Node step : steps.getValue()) {
                if (!(step instanceof ScalarNode s)) {
                    problems.at(step, "load." + key, "each step must be a number, got " + YamlMap.describe(step));
                    continue;
                }
                Map<String, String> axes = new LinkedHashMap<>(p.axes());
                axes.put(key, s.getValue());
                MappingNode fragment = single("load", single(key, step));
                out.add(new MatrixExpander.Point(axes, (MappingNode) MatrixExpander.merge(p.tree(), fragment, "")));
            }
        }
        return out;
    }

    /** The point's list of load steps, or null. */
    private static SequenceNode steps(MatrixExpander.Point p) {
        SequenceNode steps = null;
        if (value(p.tree(), ScenarioKeys.LOAD.name()) instanceof MappingNode lm) {
            for (String k : STEPPED) {
                if (value(lm, k) instanceof SequenceNode s) {
                    steps = s;
                }
            }
        }
        return steps;
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static MappingNode single(String key, Node value) {
        ScalarNode k = new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, key, value.getStartMark(), value.getEndMark(),
                org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
        List<NodeTuple> tuples = new ArrayList<>();
        tuples.add(new NodeTuple(k, value));
        return new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, true, tuples, value.getStartMark(), value.getEndMark(),
                org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
    }
}
