package io.inferbench.scenario;

import io.inferbench.api.accuracy.AccuracyTaskSpec;
import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.scenario.keys.AccuracyKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds the scenario's {@code accuracy:} block, scenario-wide like {@code recommend:} (every
 * configuration is scored on the same tasks, or their accuracy could not be compared). Task
 * options are checked against the evaluator's declared {@link Evaluator#options()}. Keys and
 * defaults: {@link AccuracyKeys}.
 */
final class AccuracyBinder {
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
        String reference = m.string(AccuracyKeys.REFERENCE);
        Double confidence = m.number(AccuracyKeys.CONFIDENCE);
        if (confidence != null && confidence >= 1) {
            m.problem(AccuracyKeys.CONFIDENCE.name(), "expected a confidence level between 0 and 1 such as 0.95, got "
                    + confidence);
            confidence = null;
        }
        int before = problems.size();
        AgreementSpec agreement = agreement(m.map(AccuracyKeys.AGREEMENT));
        String tasksKey = AccuracyKeys.TASKS.name();
        List<Node> list = m.list(tasksKey);
        if (list == null && !m.has(tasksKey) && m.has(AccuracyKeys.AGREEMENT.name())) {
            // Output agreement alone: no task to score.
            list = List.of();
        } else if (list == null) {
            return m.has(tasksKey) ? null : m.problem("missing required key 'tasks' (e.g. tasks: [{ evaluator: "
                    + "embedding-probe, dataset: data/spam-assassin/messages.tsv }])");
        } else if (list.isEmpty()) {
            return m.problem(tasksKey, "expected at least one task");
        }
        List<AccuracyTaskSpec> tasks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            YamlMap t = YamlMap.of(list.get(i), m.child(tasksKey) + "[" + i + "]", problems,
                    AccuracyKeys.TASK.keyNames());
            AccuracyTaskSpec task = t == null ? null : task(t);
            if (task != null && !names.add(task.name())) {
                t.problem("two tasks are named '" + task.name() + "'; give each a distinct name: (name: ...)");
            } else if (task != null) {
                tasks.add(task);
            }
        }
        if (confidence == null || tasks.size() != list.size() || problems.size() > before) {
            return null;
        }
        return new AccuracySpec(reference, confidence, tasks, agreement);
    }

    /** {@code agreement:}; the default without it, null after recording a problem. */
    private AgreementSpec agreement(YamlMap a) {
        if (a == null) {
            return AgreementSpec.DEFAULT;
        }
        Integer samples = a.smallInteger(AccuracyKeys.AGREEMENT_SAMPLES);
        String key = AccuracyKeys.AGREEMENT_OUTPUTS.name();
        List<Node> items = a.list(key);
        List<String> outputs = new ArrayList<>();
        if (items != null && items.isEmpty()) {
            a.problem(key, "expected at least one output name, e.g. [last_hidden_state]; leave the key out for all");
        }
        for (int i = 0; items != null && i < items.size(); i++) {
            Node item = items.get(i);
            if (item instanceof org.yaml.snakeyaml.nodes.ScalarNode s && !s.getValue().isBlank()) {
                outputs.add(s.getValue().strip());
            } else {
                problems.at(item, a.child(key) + "[" + i + "]", "expected an output name");
            }
        }
        return new AgreementSpec(samples, outputs);
    }

    private AccuracyTaskSpec task(YamlMap t) {
        String name = t.requiredString(AccuracyKeys.EVALUATOR);
        if (name == null) {
            return null;
        }
        Evaluator evaluator = evaluators.get(name);
        if (evaluator == null) {
            return t.problem(AccuracyKeys.EVALUATOR.name(), "unknown evaluator '" + name + "'." + Suggestions.didYouMean(name,
                    evaluators.keySet()) + " Installed evaluators: " + String.join(", ", evaluators.keySet()));
        }
        Path dataset = null;
        String file = t.string(AccuracyKeys.DATASET);
        if (file != null) {
            dataset = baseDir.resolve(file).normalize();
            if (!Files.isRegularFile(dataset)) {
                t.problem(AccuracyKeys.DATASET.name(), "dataset file not found: " + dataset);
                dataset = null;
            }
        } else if (evaluator.needsDataset() && !t.has(AccuracyKeys.DATASET.name())) {
            t.problem("evaluator '" + name + "' needs a dataset: file");
        }
        Integer samples = t.smallInteger(AccuracyKeys.SAMPLES);
        Long seed = t.integer(AccuracyKeys.SEED);
        Integer batch = t.smallInteger(AccuracyKeys.BATCH_SIZE);
        String taskName = t.string(AccuracyKeys.TASK_NAME.name(), name);
        Map<String, Object> options = options(t, evaluator);
        if (seed == null || batch == null || taskName == null || options == null
                || t.has(AccuracyKeys.SAMPLES.name()) && samples == null || file != null && dataset == null
                || evaluator.needsDataset() && dataset == null) {
            return null;
        }
        return new AccuracyTaskSpec(taskName, name, dataset, samples, seed, batch, options);
    }

    /** The task's options, checked against the evaluator's; null when any is wrong (problems recorded). */
    private Map<String, Object> options(YamlMap t, Evaluator evaluator) {
        String key = AccuracyKeys.OPTIONS.name();
        YamlMap o = t.map(key, OptionBinder.names(evaluator.options()));
        if (t.has(key) && o == null) {
            return null;
        }
        int before = problems.size();
        Map<String, Object> options = OptionBinder.bind(evaluator.options(), o, problems);
        return problems.size() > before ? null : options;
    }

    /** Checks that the reference names a configuration; records a problem at it when not. */
    void checkReference(YamlMap m, AccuracySpec spec, List<ConfigurationSpec> configurations) {
        if (spec == null || spec.reference() == null || configurations.isEmpty()) {
            return;
        }
        boolean found = configurations.stream()
                .anyMatch(c -> AccuracySpec.names(spec.reference(), c.id(), c.label(), c.axes()));
        if (!found) {
            m.problem(AccuracyKeys.REFERENCE.name(), "no configuration is '" + spec.reference() + "'."
                    + Suggestions.didYouMean(spec.reference(), configurations.stream().map(ConfigurationSpec::label)
                    .toList()) + " Give a configuration id (c01), its label, or axis=value pairs such as "
                    + configurations.get(0).label());
        }
    }
}
