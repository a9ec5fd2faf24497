package io.inferbench.scenario;

import io.inferbench.api.accuracy.AccuracyTaskSpec;

import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.api.OptionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds the scenario's {@code accuracy:} block, scenario-wide like {@code recommend:} (every
 * configuration is scored on the same tasks, or their accuracy could not be compared). Task
 * options are checked against the evaluator's declared {@link Evaluator#options()}.
 */
final class AccuracyBinder {
    static final List<String> KEYS = List.of("reference", "confidence", "tasks");
    static final List<String> TASK_KEYS = List.of("name", "evaluator", "dataset", "samples", "seed", "batch-size",
            "options");
    static final int DEFAULT_BATCH_SIZE = 16;
    static final long DEFAULT_SEED = 42;

    private final Problems problems;
    private final Path baseDir;
    private final Map<String, Evaluator> evaluators;

    AccuracyBinder(Problems problems, Path baseDir, Map<String, Evaluator> evaluators) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.evaluators = evaluators;
    }

    /** The block, or null when absent or wrong (problems recorded). */
    AccuracySpec bind(YamlMap m) {
        if (m == null) {
            return null;
        }
        String reference = m.string("reference", null);
        Double confidence = m.number("confidence", Double.MIN_VALUE, AccuracySpec.DEFAULT_CONFIDENCE);
        if (confidence != null && confidence >= 1) {
            m.problem("confidence", "expected a confidence level between 0 and 1 such as 0.95, got " + confidence);
            confidence = null;
        }
        List<Node> list = m.list("tasks");
        if (list == null) {
            return m.has("tasks") ? null : m.problem("missing required key 'tasks' (e.g. tasks: [{ evaluator: "
                    + "embedding-probe, dataset: data/spam-assassin/messages.tsv }])");
        }
        if (list.isEmpty()) {
            return m.problem("tasks", "expected at least one task");
        }
        List<AccuracyTaskSpec> tasks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            YamlMap t = YamlMap.of(list.get(i), m.child("tasks") + "[" + i + "]", problems, TASK_KEYS);
            AccuracyTaskSpec task = t == null ? null : task(t);
            if (task != null && !names.add(task.name())) {
                t.problem("two tasks are named '" + task.name() + "'; give each a distinct name: (name: ...)");
            } else if (task != null) {
                tasks.add(task);
            }
        }
        if (confidence == null || tasks.size() != list.size()) {
            return null;
        }
        return new AccuracySpec(reference, confidence, tasks);
    }

    private AccuracyTaskSpec task(YamlMap t) {
        String name = t.requiredString("evaluator");
        if (name == null) {
            return null;
        }
        Evaluator evaluator = evaluators.get(name);
        if (evaluator == null) {
            return t.problem("evaluator", "unknown evaluator '" + name + "'." + Suggestions.didYouMean(name,
                    evaluators.keySet()) + " Installed evaluators: " + String.join(", ", evaluators.keySet()));
        }
        Path dataset = null;
        String file = t.string("dataset", null);
        if (file != null) {
            dataset = baseDir.resolve(file).normalize();
            if (!Files.isRegularFile(dataset)) {
                t.problem("dataset", "dataset file not found: " + dataset);
                dataset = null;
            }
        } else if (evaluator.needsDataset() && !t.has("dataset")) {
            t.problem("evaluator '" + name + "' needs a dataset: file");
        }
        Integer samples = t.smallInteger("samples", 1, null);
        Long seed = t.integer("seed", Long.MIN_VALUE, DEFAULT_SEED);
        Integer batch = t.smallInteger("batch-size", 1, DEFAULT_BATCH_SIZE);
        String taskName = t.string("name", name);
        Map<String, Object> options = options(t, evaluator);
        if (seed == null || batch == null || taskName == null || options == null
                || t.has("samples") && samples == null || file != null && dataset == null
                || evaluator.needsDataset() && dataset == null) {
            return null;
        }
        return new AccuracyTaskSpec(taskName, name, dataset, samples, seed, batch, options);
    }

    private Map<String, Object> options(YamlMap t, Evaluator evaluator) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec spec : evaluator.options()) {
            if (spec.defaultValue() != null) {
                options.put(spec.name(), spec.defaultValue());
            }
        }
        List<String> allowed = evaluator.options().stream().map(OptionSpec::name).toList();
        YamlMap o = t.map("options", allowed);
        if (t.has("options") && o == null) {
            return null;
        }
        int before = problems.size();
        if (o != null) {
            for (OptionSpec spec : evaluator.options()) {
                if (o.has(spec.name())) {
                    Object v = option(spec, o.raw(spec.name()), o.child(spec.name()));
                    if (v != null) {
                        options.put(spec.name(), v);
                    }
                }
            }
        }
        return problems.size() > before ? null : options;
    }

    private Object option(OptionSpec spec, Node n, String path) {
        return switch (spec.type()) {
            case INT -> YamlMap.integer(n, path, (long) spec.min(), problems);
            case NUMBER -> YamlMap.number(n, path, spec.min(), problems);
            case BOOLEAN -> YamlMap.bool(n, path, problems);
            case ENUM -> YamlMap.choice(n, path, spec.allowed(), problems);
            case STRING -> n instanceof ScalarNode s ? s.getValue()
                    : problems.at(n, path, "expected a string, got " + YamlMap.describe(n));
        };
    }

    /** Checks that the reference names a configuration; records a problem at it when not. */
    void checkReference(YamlMap m, AccuracySpec spec, List<ConfigurationSpec> configurations) {
        if (spec == null || spec.reference() == null || configurations.isEmpty()) {
            return;
        }
        boolean found = configurations.stream()
                .anyMatch(c -> AccuracySpec.names(spec.reference(), c.id(), c.label(), c.axes()));
        if (!found) {
            m.problem("reference", "no configuration is '" + spec.reference() + "'."
                    + Suggestions.didYouMean(spec.reference(), configurations.stream().map(ConfigurationSpec::label)
                    .toList()) + " Give a configuration id (c01), its label, or axis=value pairs such as "
                    + configurations.get(0).label());
        }
    }
}
