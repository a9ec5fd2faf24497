package io.inferbench.scenario;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.load.LoadProfile;
import io.inferbench.scenario.keys.BackendKeys;
import io.inferbench.scenario.keys.HardwareKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Binds one configuration's merged YAML tree into a {@link ConfigurationSpec}, recording every
 * problem with its position. Keys, types and defaults come from the key definitions
 * ({@link ScenarioKeys}), from which the published JSON Schema is generated too; each section has a
 * binder of its own ({@link ModelBinder}, {@link InputBinder}, {@link LoadBinder}, {@link RunBinder}).
 */
final class ConfigurationBinder {
    private final Problems problems;
    private final Map<String, BackendProvider> backends;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();
    private final ModelBinder models;
    private final InputBinder inputs;

    ConfigurationBinder(Problems problems, Path baseDir, Map<String, BackendProvider> backends) {
        this(problems, baseDir, backends, (b, f) -> false);
    }

    /** @param convertible whether an installed converter takes a format to one the backend loads */
    ConfigurationBinder(Problems problems, Path baseDir, Map<String, BackendProvider> backends,
                        java.util.function.BiPredicate<BackendProvider, ModelFormat> convertible) {
        this.problems = problems;
        this.backends = backends;
        this.models = new ModelBinder(baseDir, locations, convertible);
        this.inputs = new InputBinder(problems, baseDir, models);
    }

    /** Binds a tree; returns null when it had problems (they are in {@code problems}). */
    ConfigurationSpec bind(String id, String label, Map<String, String> axes, YamlMap root) {
        int before = problems.size();
        BackendSpec backend = backend(root.map(ScenarioKeys.BACKEND), root);
        BackendProvider provider = backend == null ? null : backends.get(backend.name());
        ModelSpec model = models.model(root, provider);
        InputSpec inputs = this.inputs.inputs(root.map(ScenarioKeys.INPUTS));
        YamlMap hardwareMap = root.map(ScenarioKeys.HARDWARE);
        HardwareSpec hardware = hardware(hardwareMap);
        LoadProfile load = LoadBinder.bind(root.map(ScenarioKeys.LOAD));
        YamlMap optimization = root.map(ScenarioKeys.OPTIMIZATION);
        io.inferbench.load.Batching batching = LoadBinder.batching(optimization);
        RunSpec run = new RunBinder(problems).run(root.map(ScenarioKeys.RUN));
        java.util.List<io.inferbench.api.optimize.OptimizationStep> steps = StepsBinder.bind(optimization, locations);
        if (batching != null && (load instanceof LoadProfile.MultiStream || load instanceof LoadProfile.PeakSearch
                && ((LoadProfile.PeakSearch) load).searched() == LoadProfile.Searched.CONCURRENCY)) {
            optimization.problem("batching", "dynamic batching works with single-stream, concurrency, offline, rate "
                    + "and rate peak searches, not " + load.describe());
        }
        if (batching != null && inputs != null && inputs.text() != null && !inputs.text().padding().fixedShape()) {
            optimization.problem("batching", "dynamic batching joins samples of one shape: it needs "
                    + "inputs.text.padding: max-length, not " + inputs.text().padding().describe());
        }
        if (problems.size() > before || backend == null || model == null || inputs == null || hardware == null
                || load == null || run == null || steps == null) {
            return null;
        }
        settings.put("backend", backend.name());
        backend.options().forEach((k, v) -> settings.put("backend.options." + k, String.valueOf(v)));
        settings.put("model", model.source().describe());
        settings.put("model.format", model.format().name().toLowerCase(Locale.ROOT));
        settings.put("hardware.device", hardware.device().toString());
        if (hardware.cpus() != null) {
            settings.put("hardware.cpus", hardware.cpus());
            if (run.forks() == 0) {
                hardwareMap.problem(HardwareKeys.CPUS.name(), "hardware.cpus pins a child JVM, "
                        + "but run.forks: 0 runs this configuration in the harness's own JVM; use run.forks: 1 or more");
                return null;
            }
        }
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
        if (inputs.text() != null && !inputs.text().padding().fixedShape()) {
            settings.put("inputs.text.padding", inputs.text().padding().describe());
        }
        if (inputs.order() != SampleOrder.CYCLE) {
            settings.put("inputs.order", inputs.order().id());
        }
        if (inputs.data() != null) {
            settings.put("inputs.source", "data:" + inputs.data().getFileName());
        }
        if (batching != null) {
            settings.put("optimization.batching", "max " + batching.maxBatchSize() + ", delay "
                    + Durations.format(batching.maxQueueDelay()) + ", " + batching.instances() + " instance(s)");
        }
        for (int i = 0; i < steps.size(); i++) {
            settings.put("optimization.steps[" + i + "]", steps.get(i).key() + " (" + steps.get(i).settings() + ")");
        }
        if (run.forks() != RunSpec.DEFAULT_FORKS) {
            settings.put("run.forks", run.forks() == 0 ? "0 (in the harness's JVM)" : Integer.toString(run.forks()));
        }
        if (run.trace()) {
            settings.put("run.trace", "true");
        }
        if (run.busyThresholdPercent() != RunSpec.DEFAULT_BUSY_THRESHOLD) {
            settings.put("run.busy-threshold", run.busyThresholdPercent() + "%");
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
        String baseline = root.string(ScenarioKeys.BASELINE);
        if (baseline != null) {
            // The matrix variant this configuration is compared with (ScenarioParser checks it exists).
            settings.put("baseline", baseline);
        }
        return new ConfigurationSpec(id, label, axes, model, inputs, backend, hardware, load, batching, run, baseline,
                settings, locations, steps);
    }

    private BackendSpec backend(YamlMap m, YamlMap root) {
        if (m == null) {
            return root.has(ScenarioKeys.BACKEND.name()) ? null : root.problem("missing required section 'backend' "
                    + "(e.g. backend: { name: onnxruntime }). Installed backends: " + String.join(", ", backends.keySet()));
        }
        String name = m.requiredString(BackendKeys.NAME);
        if (name == null) {
            return null;
        }
        BackendProvider provider = backends.get(name);
        if (provider == null) {
            return m.problem(BackendKeys.NAME.name(), "unknown backend '" + name + "'."
                    + Suggestions.didYouMean(name, backends.keySet()) + " Installed backends: "
                    + String.join(", ", backends.keySet()));
        }
        YamlMap o = m.map(BackendKeys.OPTIONS.name(), OptionBinder.names(provider.options()));
        return new BackendSpec(name, OptionBinder.bind(provider.options(), o, problems));
    }

    private HardwareSpec hardware(YamlMap m) {
        if (m == null) {
            return new HardwareSpec(Device.CPU);
        }
        String device = m.choice(HardwareKeys.DEVICE);
        Integer id = m.smallInteger(HardwareKeys.DEVICE_ID);
        if (device == null || id == null) {
            return null;
        }
        if (device.equals(HardwareKeys.CPU) && id != 0) {
            return m.problem(HardwareKeys.DEVICE_ID.name(), HardwareKeys.GPU_ONLY_ID.message());
        }
        String cpus = m.has(HardwareKeys.CPUS.name()) ? cpus(m) : null;
        if (m.has(HardwareKeys.CPUS.name()) && cpus == null) {
            return null;
        }
        return new HardwareSpec(device.equals(HardwareKeys.CPU) ? Device.CPU : Device.gpu(id), cpus);
    }

    /** {@code hardware.cpus}: a CPU list of online CPUs, as written canonically; null after recording a problem. */
    private static String cpus(YamlMap m) {
        String key = HardwareKeys.CPUS.name();
        String raw = m.string(HardwareKeys.CPUS);
        if (raw == null) {
            return null;
        }
        java.util.Optional<java.util.SortedSet<Integer>> cpus = CpuList.parse(raw);
        if (cpus.isEmpty()) {
            return m.problem(key, "expected a CPU list such as \"0-1\" or \"0,2,4-7\" (ranges low-high, at most "
                    + CpuList.MAX_CPU + "), got '" + raw + "'");
        }
        java.util.SortedSet<Integer> online = CpuList.online();
        java.util.SortedSet<Integer> missing = new java.util.TreeSet<>(cpus.get());
        missing.removeAll(online);
        if (!missing.isEmpty()) {
            return m.problem(key, "CPU" + (missing.size() == 1 ? " " : "s ") + CpuList.format(missing)
                    + (missing.size() == 1 ? " does" : " do") + " not exist on this machine (online: "
                    + CpuList.format(online) + ")");
        }
        return CpuList.format(cpus.get());
    }
}
