package io.inferbench.scenario;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.OptionSpec;
import io.inferbench.load.LoadProfile;
import io.inferbench.load.Warmup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds one configuration's merged YAML tree into a {@link ConfigurationSpec}, recording every
 * problem with its position. Defaults live here, and in the published JSON Schema.
 */
final class ConfigurationBinder {
    static final List<String> TOP_KEYS = List.of("name", "description", "model", "inputs", "backend", "hardware",
            "load", "optimization", "run", "recommend", "accuracy", "baseline", "matrix");
    static final List<String> RECOMMEND_KEYS = List.of("percentile", "max-latency", "min-throughput", "max-memory-mib",
            "goal", "max-accuracy-drop");
    static final List<String> OPTIMIZATION_KEYS = List.of("batching");
    static final List<String> MODEL_KEYS = List.of("name", "path", "maven", "entry", "format");
    static final List<String> INPUT_KEYS = List.of("batch-size", "sequence-length", "samples", "seed", "text",
            "tensors");
    static final List<String> TEXT_KEYS = List.of("file", "tokenizer");
    static final List<String> SOURCE_KEYS = List.of("path", "maven", "entry");
    static final List<String> TENSOR_KEYS = List.of("dtype", "shape", "range");
    static final List<String> BACKEND_KEYS = List.of("name", "options");
    static final List<String> HARDWARE_KEYS = List.of("device", "device-id");
    static final List<String> LOAD_KEYS = LoadBinder.KEYS;
    static final List<String> LOAD_PROFILES = LoadBinder.PROFILES;
    static final List<String> RUN_KEYS = List.of("warmup", "min-duration", "min-queries", "max-duration", "forks",
            "timeout", "stability", "early-stopping", "jvm");
    static final List<String> JVM_KEYS = List.of("heap", "args", "environment");
    static final List<String> STABILITY_KEYS = List.of("windows", "tolerance", "percentile", "warmup-until-stable");
    static final List<String> WARMUP_KEYS = List.of("queries", "duration");
    static final List<String> FORMATS = List.of("onnx", "savedmodel", "graphdef", "torchscript", "none");

    static final Warmup DEFAULT_WARMUP = new Warmup.Time(Duration.ofSeconds(2));
    static final Duration DEFAULT_MIN_DURATION = Duration.ofSeconds(10);
    static final long DEFAULT_MIN_QUERIES = 100;
    static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

    private final Problems problems;
    private final Path baseDir;
    private final Map<String, BackendProvider> backends;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

    /** Whether an installed converter takes a format to one the backend loads. */
    private final java.util.function.BiPredicate<BackendProvider, ModelFormat> convertible;

    ConfigurationBinder(Problems problems, Path baseDir, Map<String, BackendProvider> backends) {
        this(problems, baseDir, backends, (b, f) -> false);
    }

    ConfigurationBinder(Problems problems, Path baseDir, Map<String, BackendProvider> backends,
                        java.util.function.BiPredicate<BackendProvider, ModelFormat> convertible) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.backends = backends;
        this.convertible = convertible;
    }

    /** Binds a tree; returns null when it had problems (they are in {@code problems}). */
    ConfigurationSpec bind(String id, String label, Map<String, String> axes, YamlMap root) {
        int before = problems.size();
        BackendSpec backend = backend(root.map("backend", BACKEND_KEYS), root);
        BackendProvider provider = backend == null ? null : backends.get(backend.name());
        ModelSpec model = model(root, provider);
        InputSpec inputs = inputs(root.map("inputs", INPUT_KEYS));
        HardwareSpec hardware = hardware(root.map("hardware", HARDWARE_KEYS));
        LoadProfile load = LoadBinder.bind(root.map("load", LOAD_KEYS));
        YamlMap optimization = root.map("optimization", OPTIMIZATION_KEYS);
        io.inferbench.load.Batching batching = LoadBinder.batching(optimization);
        RunSpec run = run(root.map("run", RUN_KEYS));
        if (batching != null && (load instanceof LoadProfile.MultiStream || load instanceof LoadProfile.PeakSearch
                && ((LoadProfile.PeakSearch) load).searched() == LoadProfile.Searched.CONCURRENCY)) {
            optimization.problem("batching", "dynamic batching works with single-stream, concurrency, offline, rate "
                    + "and rate peak searches, not " + load.describe());
        }
        if (problems.size() > before || backend == null || model == null || inputs == null || hardware == null
                || load == null || run == null) {
            return null;
        }
        settings.put("backend", backend.name());
        backend.options().forEach((k, v) -> settings.put("backend.options." + k, String.valueOf(v)));
        settings.put("model", model.source().describe());
        settings.put("model.format", model.format().name().toLowerCase(Locale.ROOT));
        settings.put("hardware.device", hardware.device().toString());
        settings.put("load", load.describe());
        settings.put("inputs.batch-size", Integer.toString(inputs.batchSize()));
        settings.put("inputs.sequence-length", Integer.toString(inputs.sequenceLength()));
        settings.put("inputs.source", inputs.text() == null ? "random(seed=" + inputs.seed() + ")"
                : "text:" + inputs.text().file().getFileName());
        settings.put("run.warmup", run.warmup().describe());
        settings.put("run.min-duration", Durations.format(run.minDuration()));
        settings.put("run.min-queries", Long.toString(run.minQueries()));
        settings.put("run.max-duration", Durations.format(run.maxDuration()));
        settings.put("inputs.samples", Integer.toString(inputs.samples()));
        settings.put("inputs.seed", Long.toString(inputs.seed()));
        if (batching != null) {
            settings.put("optimization.batching", "max " + batching.maxBatchSize() + ", delay "
                    + Durations.format(batching.maxQueueDelay()) + ", " + batching.instances() + " instance(s)");
        }
        if (run.forks() != RunSpec.DEFAULT_FORKS) {
            settings.put("run.forks", run.forks() == 0 ? "0 (in the harness's JVM)" : Integer.toString(run.forks()));
        }
        if (run.jvm().heap() != null) {
            settings.put("run.jvm.heap", run.jvm().heap());
        }
        if (!run.jvm().args().isEmpty()) {
            settings.put("run.jvm.args", String.join(" ", run.jvm().args()));
        }
        // Values may be secrets (tokens, paths): the result names the variables, not their values.
        if (!run.jvm().environment().isEmpty()) {
            settings.put("run.jvm.environment", String.join(", ", run.jvm().environment().keySet()));
        }
        String baseline = root.string("baseline", null);
        if (baseline != null) {
            // The matrix variant this configuration is compared with (ScenarioParser checks it exists).
            settings.put("baseline", baseline);
        }
        return new ConfigurationSpec(id, label, axes, model, inputs, backend, hardware, load, batching, run, baseline,
                settings, locations);
    }

    private void locate(String path, Node node) {
        if (node != null) {
            locations.put(path, new SourceLocation(node.getStartMark().getLine() + 1,
                    node.getStartMark().getColumn() + 1));
        }
    }

    private BackendSpec backend(YamlMap m, YamlMap root) {
        if (m == null) {
            return root.has("backend") ? null : root.problem("missing required section 'backend' (e.g. backend: "
                    + "{ name: onnxruntime }). Installed backends: " + String.join(", ", backends.keySet()));
        }
        String name = m.requiredString("name");
        if (name == null) {
            return null;
        }
        BackendProvider provider = backends.get(name);
        if (provider == null) {
            return m.problem("name", "unknown backend '" + name + "'." + Suggestions.didYouMean(name, backends.keySet())
                    + " Installed backends: " + String.join(", ", backends.keySet()));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec spec : provider.options()) {
            if (spec.defaultValue() != null) {
                options.put(spec.name(), spec.defaultValue());
            }
        }
        List<String> names = provider.options().stream().map(OptionSpec::name).toList();
        YamlMap o = m.map("options", names);
        if (o != null) {
            for (OptionSpec spec : provider.options()) {
                if (o.has(spec.name())) {
                    Object v = option(spec, o.raw(spec.name()), o.child(spec.name()));
                    if (v != null) {
                        options.put(spec.name(), v);
                    }
                }
            }
        }
        return new BackendSpec(name, options);
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

    private ModelSpec model(YamlMap root, BackendProvider provider) {
        YamlMap m = root.map("model", MODEL_KEYS);
        if (m == null) {
            if (root.has("model")) {
                return null;
            }
            if (provider != null && !provider.formats().contains(ModelFormat.NONE)) {
                return root.problem("missing required section 'model' (path: file.onnx, or maven: g:a:v with "
                        + "entry: file.onnx)");
            }
            return new ModelSpec("none", new ModelSource.None(), ModelFormat.NONE);
        }
        locate("model", m.node());
        ModelSource source = source(m, "model");
        if (source == null) {
            return null;
        }
        String fileName = source instanceof ModelSource.LocalFile f ? f.path().getFileName().toString()
                : source instanceof ModelSource.MavenEntry e ? e.entry().substring(e.entry().lastIndexOf('/') + 1)
                : "none";
        String formatName = m.choice("format", FORMATS, null);
        ModelFormat format = formatName != null ? format(formatName) : formatOf(fileName);
        if (format == null) {
            return m.problem("cannot tell the model format from '" + fileName + "': set format: to one of "
                    + String.join(", ", FORMATS));
        }
        if (provider != null && !provider.formats().contains(format) && !convertible.test(provider, format)) {
            return m.problem("backend '" + provider.name() + "' cannot load " + format.name().toLowerCase(Locale.ROOT)
                    + " models; it loads " + provider.formats().stream()
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
        return new ModelSpec(m.string("name", fileName), source, format);
    }

    /** {@code path:} or {@code maven:} + {@code entry:}, checked for existence where that is local. */
    private ModelSource source(YamlMap m, String what) {
        boolean hasPath = m.has("path");
        boolean hasMaven = m.has("maven") || m.has("entry");
        if (hasPath && hasMaven) {
            return m.problem("give either path: or maven: with entry:, not both");
        }
        if (hasPath) {
            String p = m.string("path", null);
            if (p == null) {
                return null;
            }
            Path file = baseDir.resolve(p).normalize();
            if (!Files.exists(file)) {
                return m.problem("path", what + " file not found: " + file);
            }
            return new ModelSource.LocalFile(file);
        }
        if (hasMaven) {
            String coords = m.requiredString("maven");
            String entry = m.requiredString("entry");
            if (coords == null || entry == null) {
                return null;
            }
            return MavenCoordinates.parse(coords)
                    .<ModelSource>map(c -> new ModelSource.MavenEntry(c, entry))
                    .orElseGet(() -> m.problem("maven", "expected Maven coordinates group:artifact:version, got '"
                            + coords + "'"));
        }
        return m.problem("missing the " + what + " location: path: file, or maven: group:artifact:version with "
                + "entry: file-in-jar");
    }

    private static ModelFormat format(String name) {
        return switch (name) {
            case "onnx" -> ModelFormat.ONNX;
            case "savedmodel" -> ModelFormat.SAVED_MODEL;
            case "graphdef" -> ModelFormat.GRAPH_DEF;
            case "torchscript" -> ModelFormat.TORCHSCRIPT;
            default -> ModelFormat.NONE;
        };
    }

    static ModelFormat formatOf(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".onnx")) {
            return ModelFormat.ONNX;
        }
        if (f.endsWith(".pb")) {
            return ModelFormat.GRAPH_DEF;
        }
        if (f.endsWith(".pt") || f.endsWith(".pth") || f.endsWith(".torchscript")) {
            return ModelFormat.TORCHSCRIPT;
        }
        return f.contains(".") ? null : ModelFormat.SAVED_MODEL;
    }

    private InputSpec inputs(YamlMap m) {
        if (m == null) {
            return new InputSpec(1, 128, 64, 42, null, Map.of());
        }
        Integer batch = m.smallInteger("batch-size", 1, 1);
        Integer seq = m.smallInteger("sequence-length", 1, 128);
        Integer samples = m.smallInteger("samples", 1, 64);
        Long seed = m.integer("seed", Long.MIN_VALUE, 42L);
        TextInputSpec text = null;
        YamlMap t = m.map("text", TEXT_KEYS);
        if (t != null) {
            String file = t.requiredString("file");
            Path p = file == null ? null : baseDir.resolve(file).normalize();
            if (p != null && !Files.isRegularFile(p)) {
                t.problem("file", "text file not found: " + p);
                p = null;
            }
            ModelSource tok = null;
            YamlMap tm = t.map("tokenizer", SOURCE_KEYS);
            if (tm != null) {
                locate("inputs.text.tokenizer", tm.node());
                tok = source(tm, "tokenizer");
            }
            text = p == null ? null : new TextInputSpec(p, tok);
        }
        Map<String, TensorOverride> tensors = new LinkedHashMap<>();
        Node tn = m.raw("tensors");
        if (tn instanceof MappingNode tmap) {
            for (var entry : YamlMap.entries(tmap, m.child("tensors"), problems)) {
                String name = entry.getKey();
                TensorOverride o = tensor(name, YamlMap.of(entry.getValue(), m.child("tensors") + "." + name,
                        problems, TENSOR_KEYS), YamlMap.keyNode(tmap, name));
                if (o != null) {
                    tensors.put(name, o);
                }
            }
        } else if (tn != null) {
            m.problem("tensors", "expected a mapping of input name to { dtype, shape, range }");
        }
        if (batch == null || seq == null || samples == null || seed == null) {
            return null;
        }
        return new InputSpec(batch, seq, samples, seed, text, tensors);
    }

    private TensorOverride tensor(String name, YamlMap m, Node keyNode) {
        if (m == null) {
            return null;
        }
        DType dtype = null;
        String d = m.string("dtype", null);
        if (d != null) {
            dtype = DType.parse(d);
            if (dtype == null) {
                List<String> ids = java.util.Arrays.stream(DType.values()).map(DType::id).toList();
                m.problem("dtype", "unknown dtype '" + d + "'." + Suggestions.didYouMean(d, ids)
                        + " Expected one of: " + String.join(", ", ids));
            }
        }
        List<String> shape = null;
        List<Node> dims = m.list("shape");
        if (dims != null) {
            shape = new ArrayList<>();
            for (Node dim : dims) {
                String v = dim instanceof ScalarNode s ? s.getValue() : "";
                if (!v.matches("\\d+|batch|sequence")) {
                    m.problem("shape", "each dimension must be a number, batch or sequence, got " + YamlMap.describe(dim));
                }
                shape.add(v);
            }
        }
        Double low = null;
        Double high = null;
        List<Node> range = m.list("range");
        if (range != null) {
            if (range.size() != 2) {
                m.problem("range", "expected [low, high]");
            } else {
                low = YamlMap.number(range.get(0), m.child("range"), -Double.MAX_VALUE, problems);
                high = YamlMap.number(range.get(1), m.child("range"), -Double.MAX_VALUE, problems);
                if (low != null && high != null && high <= low) {
                    m.problem("range", "high must be greater than low");
                }
            }
        }
        return new TensorOverride(name, dtype, shape, low, high, keyNode.getStartMark().getLine() + 1,
                keyNode.getStartMark().getColumn() + 1);
    }

    private HardwareSpec hardware(YamlMap m) {
        if (m == null) {
            return new HardwareSpec(Device.CPU);
        }
        String device = m.choice("device", List.of("cpu", "gpu"), "cpu");
        Integer id = m.smallInteger("device-id", 0, 0);
        if (device == null || id == null) {
            return null;
        }
        if (device.equals("cpu") && id != 0) {
            return m.problem("device-id", "device-id applies to gpu only");
        }
        return new HardwareSpec(device.equals("cpu") ? Device.CPU : Device.gpu(id));
    }

    private RunSpec run(YamlMap m) {
        if (m == null) {
            return new RunSpec(DEFAULT_WARMUP, DEFAULT_MIN_DURATION, DEFAULT_MIN_QUERIES, DEFAULT_MAX_DURATION);
        }
        Warmup warmup = warmup(m);
        Duration minDuration = m.duration("min-duration", DEFAULT_MIN_DURATION);
        Long minQueries = m.integer("min-queries", 1, DEFAULT_MIN_QUERIES);
        Duration maxDuration = m.duration("max-duration", DEFAULT_MAX_DURATION);
        Integer forks = m.smallInteger("forks", 0, RunSpec.DEFAULT_FORKS);
        StabilitySpec stability = stability(m.map("stability", STABILITY_KEYS));
        if (warmup == null || minDuration == null || minQueries == null || maxDuration == null || forks == null
                || m.has("stability") && stability == null) {
            return null;
        }
        if (maxDuration.compareTo(minDuration) < 0) {
            return m.problem("max-duration", "max-duration (" + Durations.format(maxDuration)
                    + ") must not be shorter than min-duration (" + Durations.format(minDuration) + ")");
        }
        if (forks > 100) {
            return m.problem("forks", "expected at most 100 forks, got " + forks);
        }
        Duration timeout = m.duration("timeout", RunSpec.defaultTimeout(maxDuration, forks));
        Node es = m.raw("early-stopping");
        Boolean earlyStopping = es == null ? Boolean.FALSE : YamlMap.bool(es, m.child("early-stopping"), problems);
        JvmSpec jvm = jvm(m.map("jvm", JVM_KEYS));
        if (timeout == null || earlyStopping == null || jvm == null) {
            return null;
        }
        if (timeout.compareTo(minDuration) < 0) {
            return m.problem("timeout", "timeout (" + Durations.format(timeout) + ") is shorter than min-duration ("
                    + Durations.format(minDuration) + "): no configuration could finish");
        }
        return new RunSpec(warmup, minDuration, minQueries, maxDuration, forks, timeout, stability, earlyStopping,
                jvm);
    }

    private static final java.util.regex.Pattern HEAP = java.util.regex.Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Flags the harness owns: the class path (one adapter per child) and the main class's arguments. */
    private static final List<String> HARNESS_FLAGS = List.of("-cp", "-classpath", "--class-path", "-jar");

    /** {@code run.jvm}: the child JVM's heap, flags and environment; null after recording a problem. */
    private JvmSpec jvm(YamlMap m) {
        if (m == null) {
            return JvmSpec.DEFAULT;
        }
        String heap = m.string("heap", null);
        if (heap != null && !HEAP.matcher(heap).matches()) {
            return m.problem("heap", "expected a heap size as -Xmx takes it, e.g. 2g or 512m, got '" + heap + "'");
        }
        List<String> args = new ArrayList<>();
        List<Node> raw = m.list("args");
        if (raw == null && m.has("args")) {
            return null;
        }
        for (int i = 0; raw != null && i < raw.size(); i++) {
            String path = m.child("args") + "[" + i + "]";
            if (!(raw.get(i) instanceof ScalarNode sn)) {
                return m.problems().at(raw.get(i), path, "expected a JVM flag such as -XX:+UseParallelGC, got "
                        + YamlMap.describe(raw.get(i)));
            }
            String flag = sn.getValue();
            if (!flag.startsWith("-")) {
                return m.problems().at(sn, path, "expected a JVM flag starting with '-', got '" + flag + "'");
            }
            if (HARNESS_FLAGS.contains(flag) || flag.startsWith("-Xmx")) {
                return m.problems().at(sn, path, "'" + flag + "' is the harness's to set"
                        + (flag.startsWith("-Xmx") ? "; use run.jvm.heap" : ": each child JVM's class path holds the core "
                        + "and its configuration's adapter"));
            }
            args.add(flag);
        }
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        Node envNode = m.raw("environment");
        if (envNode != null) {
            if (!(envNode instanceof org.yaml.snakeyaml.nodes.MappingNode mn)) {
                return m.problems().at(envNode, m.child("environment"), "expected a map of variable names to values, got "
                        + YamlMap.describe(envNode));
            }
            for (var e : YamlMap.entries(mn, m.child("environment"), m.problems())) {
                String path = m.child("environment") + "." + e.getKey();
                if (!ENV_NAME.matcher(e.getKey()).matches()) {
                    return m.problems().at(e.getValue(), path, "expected a variable name (letters, digits, _), got '"
                            + e.getKey() + "'");
                }
                if (!(e.getValue() instanceof ScalarNode v)) {
                    return m.problems().at(e.getValue(), path, "expected a text value, got "
                            + YamlMap.describe(e.getValue()));
                }
                env.put(e.getKey(), v.getValue());
            }
        }
        return new JvmSpec(heap, args, env);
    }

    private StabilitySpec stability(YamlMap m) {
        if (m == null) {
            return null;
        }
        Integer windows = m.smallInteger("windows", 2, 3);
        Double tolerance = percent(m, "tolerance", 10.0);
        Double pct = m.number("percentile", 0, 99.0);
        Node wus = m.raw("warmup-until-stable");
        Boolean untilStable = wus == null ? Boolean.FALSE : YamlMap.bool(wus, m.child("warmup-until-stable"), problems);
        if (pct != null && pct != 50 && pct != 90 && pct != 99) {
            return m.problem("percentile", "stability compares p50, p90 or p99 per window; expected 50, 90 or 99, got "
                    + pct);
        }
        if (windows == null || tolerance == null || pct == null || untilStable == null) {
            return null;
        }
        if (windows > 100) {
            return m.problem("windows", "expected at most 100 windows, got " + windows);
        }
        return new StabilitySpec(windows, tolerance, pct, untilStable);
    }

    /** {@code 10%} or {@code 10} (percent), or a fraction {@code 0.1}? Only percent: {@code 10} or {@code 10%}. */
    private Double percent(YamlMap m, String key, Double fallback) {
        Node n = m.raw(key);
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
        return problems.at(n, m.child(key), "expected a percentage between 0 and 100 such as 10%, got "
                + YamlMap.describe(n));
    }

    private Warmup warmup(YamlMap m) {
        Node n = m.raw("warmup");
        if (n == null) {
            return DEFAULT_WARMUP;
        }
        if (n instanceof ScalarNode s) {
            // Shorthand: "warmup: 20" is a query count, "warmup: 5s" a duration.
            if (s.getValue().matches("\\d+")) {
                Long q = m.integer("warmup", 0, null);
                return q == null ? null : new Warmup.Queries(q);
            }
            Duration d = m.duration("warmup", null);
            return d == null ? null : new Warmup.Time(d);
        }
        YamlMap w = m.map("warmup", WARMUP_KEYS);
        if (w == null) {
            return null;
        }
        if (w.has("queries") == w.has("duration") && w.keys().size() == ((MappingNode) w.node()).getValue().size()) {
            return w.problem("give exactly one of queries: N or duration: 5s");
        }
        if (w.has("queries")) {
            Long q = w.integer("queries", 0, null);
            return q == null ? null : new Warmup.Queries(q);
        }
        Duration d = w.duration("duration", null);
        return d == null ? null : new Warmup.Time(d);
    }
}
