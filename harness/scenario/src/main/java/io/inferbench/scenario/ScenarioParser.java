package io.inferbench.scenario;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.scenario.keys.CompareKeys;
import io.inferbench.scenario.keys.RecommendKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
import java.util.function.BiPredicate;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a scenario file into a validated {@link Scenario}: YAML syntax, unknown keys, types and
 * ranges, backend options against the installed backend's declared options, local files; the
 * matrix expanded. Checks against the model itself (input names, dtypes) happen in the runner's
 * preflight, before any measurement.
 */
public final class ScenarioParser {
    private final Map<String, BackendProvider> backends;
    private final String only;
    private final BiPredicate<BackendProvider, ModelFormat> convertible;
    private final int maxConfigurations;

    /** @param backends installed backends by name (their option specs validate {@code backend.options}) */
    public ScenarioParser(Map<String, BackendProvider> backends) {
        this(backends, null, (b, f) -> false, ScenarioLimits.DEFAULT_MAX_CONFIGURATIONS);
    }

    private ScenarioParser(Map<String, BackendProvider> backends, String only,
                           BiPredicate<BackendProvider, ModelFormat> convertible, int maxConfigurations) {
        this.backends = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(backends));
        this.only = only;
        this.convertible = convertible;
        this.maxConfigurations = maxConfigurations;
    }

    /**
     * This parser, refusing a matrix of more than {@code max} configurations (counted before it is
     * expanded) instead of {@link ScenarioLimits#DEFAULT_MAX_CONFIGURATIONS}.
     */
    public ScenarioParser withMaxConfigurations(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max configurations must be at least 1, got " + max);
        }
        return new ScenarioParser(backends, only, convertible, max);
    }

    /**
     * This parser, accepting a model format a backend does not load when {@code canConvert} says
     * an installed converter takes it to one it does (the harness converts before loading).
     */
    public ScenarioParser withConversions(BiPredicate<BackendProvider, ModelFormat> canConvert) {
        return new ScenarioParser(backends, only, canConvert, maxConfigurations);
    }

    /**
     * This parser, binding only configuration {@code id} (ids and labels stay those of the whole
     * matrix). A child JVM needs this: its class path holds only its configuration's adapter, so the
     * other configurations' backends are not there to check their options against.
     */
    public ScenarioParser onlyConfiguration(String id) {
        // The parent counted the plan against its bound (perhaps raised by --max-configurations) already.
        return new ScenarioParser(backends, id, convertible, Integer.MAX_VALUE);
    }

    public Scenario parse(Path file) throws ScenarioException {
        String text;
        try {
            text = UserFiles.readString(file, ScenarioLimits.MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(file.toString(), 0, 0, "", "scenario file not found"));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(file.toString(), 0, 0, "", "cannot read the scenario: "
                    + e.getMessage()));
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file, base, text);
    }

    /** Parses {@code text} as if read from {@code file}; relative paths resolve against {@code baseDir}. */
    public Scenario parse(Path file, Path baseDir, String text) throws ScenarioException {
        Problems problems = new Problems(file.toString());
        Node root = compose(file.toString(), text);
        if (root == null) {
            throw new ScenarioException(new Problem(file.toString(), 1, 1, "", "the file is empty; a scenario needs "
                    + "at least backend: and (for real backends) model:"));
        }
        YamlMap top = YamlMap.of(root, "", problems, ScenarioKeys.SCENARIO.keyNames());
        problems.throwIfAny();
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = top.string(ScenarioKeys.NAME.name(), defaultName);
        String description = top.string(ScenarioKeys.DESCRIPTION);
        RecommendSpec recommend = recommend(top.map(ScenarioKeys.RECOMMEND));
        YamlMap accuracyMap = top.map(ScenarioKeys.ACCURACY);
        AccuracyBinder accuracyBinder = new AccuracyBinder(problems, baseDir, io.inferbench.api.accuracy.Evaluators.installed());
        AccuracySpec accuracy = accuracyBinder.bind(accuracyMap);
        GateSpec gate = new GateBinder().bind(top.map(ScenarioKeys.GATE));
        CompareSpec compare = compare(top.map(ScenarioKeys.COMPARE));
        MappingNode base = (MappingNode) root;
        for (var scenarioWide : List.of(ScenarioKeys.MATRIX, ScenarioKeys.RECOMMEND, ScenarioKeys.ACCURACY,
                ScenarioKeys.GATE, ScenarioKeys.COMPARE)) {
            base = withoutKey(base, scenarioWide.name());
        }
        List<MatrixExpander.Point> points = StepExpander.expand(MatrixExpander.expand(base,
                top.raw(ScenarioKeys.MATRIX.name()), problems, maxConfigurations), problems, maxConfigurations);
        problems.throwIfAny();
        List<ConfigurationSpec> configs = new ArrayList<>();
        int width = Integer.toString(points.size()).length();
        for (int i = 0; i < points.size(); i++) {
            MatrixExpander.Point p = points.get(i);
            String id = "c" + String.format("%0" + Math.max(2, width) + "d", i + 1);
            String label = p.axes().isEmpty() ? name : p.axes().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            if (only != null && !only.equals(id)) {
                continue;
            }
            YamlMap tree = YamlMap.of(p.tree(), "", problems, ScenarioKeys.SCENARIO.keyNames());
            for (var scenarioWide : List.of(ScenarioKeys.GATE, ScenarioKeys.COMPARE)) {
                if (tree != null && tree.has(scenarioWide.name())) {
                    // The top level's block was taken out above, so this one came from a matrix variant.
                    tree.problem(scenarioWide.name(), scenarioWide.name() + " is scenario-wide: set it at the top "
                            + "level, not in a matrix variant");
                }
            }
            ConfigurationSpec spec = new ConfigurationBinder(problems, baseDir, backends, convertible).bind(id, label, p.axes(), tree);
            if (spec != null) {
                configs.add(spec);
                checkBaseline(spec, points, tree);
            }
        }
        if (only == null) {
            // A child JVM binds one configuration; the parent already checked the reference against all.
            accuracyBinder.checkReference(accuracyMap, accuracy, configs);
        }
        problems.throwIfAny();
        return new Scenario(file, name, description, text, configs, recommend, accuracy, gate, compare);
    }

    /**
     * A {@code baseline:} must name a variant of one of the configuration's axes, other than its own, so
     * that exactly the configuration differing on that axis alone is its baseline.
     */
    private static void checkBaseline(ConfigurationSpec spec, List<MatrixExpander.Point> points, YamlMap tree) {
        String baseline = spec.baseline();
        if (baseline == null) {
            return;
        }
        for (MatrixExpander.Point p : points) {
            if (baselineOf(spec.axes(), p.axes(), baseline)) {
                return;
            }
        }
        java.util.Set<String> labels = new java.util.TreeSet<>();
        points.forEach(p -> labels.addAll(p.axes().values()));
        tree.problem(ScenarioKeys.BASELINE.name(), "no configuration differs from this one (" + spec.label() + ") only by having the"
                + " matrix variant '" + baseline + "'" + Suggestions.didYouMean(baseline, List.copyOf(labels))
                + " Variants: " + String.join(", ", labels));
    }

    /** Whether {@code candidate} equals {@code axes} on every axis but one, where it has {@code label}. */
    public static boolean baselineOf(java.util.Map<String, String> axes, java.util.Map<String, String> candidate,
                                     String label) {
        if (!axes.keySet().equals(candidate.keySet())) {
            return false;
        }
        int differing = 0;
        for (var e : axes.entrySet()) {
            String theirs = candidate.get(e.getKey());
            if (!e.getValue().equals(theirs)) {
                if (!label.equals(theirs)) {
                    return false;
                }
                differing++;
            }
        }
        return differing == 1;
    }

    /** {@code recommend:}, scenario-wide (a matrix variant cannot change what "best" means). */
    private static RecommendSpec recommend(YamlMap m) {
        if (m == null) {
            return null;
        }
        Double pct = m.number(RecommendKeys.PERCENTILE);
        if (pct != null && pct >= 100) {
            return m.problem(RecommendKeys.PERCENTILE.name(), "expected a percentile above 0 and below 100, got " + pct);
        }
        java.time.Duration maxLatency = m.duration(RecommendKeys.MAX_LATENCY);
        Double minThroughput = m.number(RecommendKeys.MIN_THROUGHPUT);
        Long maxMib = m.integer(RecommendKeys.MAX_MEMORY_MIB);
        String goal = m.choice(RecommendKeys.GOAL);
        Double maxDrop = m.number(RecommendKeys.MAX_ACCURACY_DROP);
        if (maxDrop != null && maxDrop > 100) {
            return m.problem(RecommendKeys.MAX_ACCURACY_DROP.name(), "expected percentage points between 0 and 100, got "
                    + maxDrop);
        }
        return new RecommendSpec(pct, maxLatency, minThroughput, maxMib == null ? null : maxMib << 20, goal, maxDrop);
    }

    /** {@code compare:}, scenario-wide; {@link CompareSpec#DEFAULT} without it, null after recording a problem. */
    private static CompareSpec compare(YamlMap m) {
        if (m == null) {
            return CompareSpec.DEFAULT;
        }
        String metric = m.choice(CompareKeys.METRIC);
        Double margin = m.percentage(CompareKeys.MARGIN, CompareSpec.DEFAULT.marginPercent());
        return metric == null || margin == null ? null : new CompareSpec(metric, margin);
    }

    static Node compose(String file, String text) throws ScenarioException {
        if (text.length() > ScenarioLimits.MAX_FILE_BYTES) {
            throw new ScenarioException(new Problem(file, 0, 0, "", "the scenario is " + text.length()
                    + " characters, more than the " + ScenarioLimits.MAX_FILE_BYTES + " allowed"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(ScenarioLimits.MAX_ALIASES);
        options.setNestingDepthLimit(ScenarioLimits.MAX_NESTING_DEPTH);
        options.setCodePointLimit((int) ScenarioLimits.MAX_FILE_BYTES);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            Problems tooLong = new Problems(file);
            checkLengths(root, "", tooLong, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            tooLong.throwIfAny();
            return root;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int col = mark == null ? 0 : mark.getColumn() + 1;
            throw new ScenarioException(new Problem(file, line, col, "", "invalid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            throw new ScenarioException(new Problem(file, 0, 0, "", "invalid YAML: " + e.getMessage()));
        }
    }

    /**
     * Every scalar (key or value) at most {@link ScenarioLimits#MAX_STRING_LENGTH} characters. Each
     * node is visited once: aliases share nodes, and walking them again would multiply the work.
     */
    private static void checkLengths(Node n, String path, Problems problems, java.util.Set<Node> seen) {
        if (n == null || !seen.add(n)) {
            return;
        }
        if (n instanceof ScalarNode s) {
            if (s.getValue().length() > ScenarioLimits.MAX_STRING_LENGTH) {
                problems.at(s, path, "a value of " + s.getValue().length() + " characters, more than the "
                        + ScenarioLimits.MAX_STRING_LENGTH + " allowed");
            }
        } else if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k && k.getValue().length() <= 80 ? k.getValue() : "?";
                String child = path.isEmpty() ? key : path + "." + key;
                checkLengths(t.getKeyNode(), child, problems, seen);
                checkLengths(t.getValueNode(), child, problems, seen);
            }
        } else if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                checkLengths(seq.getValue().get(i), path + "[" + i + "]", problems, seen);
            }
        }
    }

    private static MappingNode withoutKey(MappingNode m, String key) {
        List<NodeTuple> kept = m.getValue().stream()
                .filter(t -> !(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)))
                .toList();
        return new MappingNode(m.getTag(), true, new ArrayList<>(kept), m.getStartMark(), m.getEndMark(),
                m.getFlowStyle());
    }
}
