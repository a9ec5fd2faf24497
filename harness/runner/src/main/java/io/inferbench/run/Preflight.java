package io.inferbench.run;

import io.inferbench.run.backends.BackendProbe;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ConversionInfo;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.api.Device;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.TensorSpec;
import io.inferbench.input.DataFile;
import io.inferbench.input.InputPlan;
import io.inferbench.model.ModelResolutionException;
import io.inferbench.model.ModelResolver;
import io.inferbench.model.ResolvedModel;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.ModelSource;
import io.inferbench.scenario.Problem;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.SourceLocation;
import io.inferbench.scenario.TextInputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything that can be checked before measuring: models and tokenizers resolve (Maven artifacts
 * fetched now, not mid-run), text files read, and the scenario's inputs agree with each model's
 * declared inputs. Bad input surfaces here as a {@link ScenarioException} (exit code 2).
 *
 * <p>A model that exists but fails to load is not bad input: its configuration fails later, in
 * the run, with the backend's reason, and the other configurations still run.
 */
public final class Preflight {
    private final Map<String, BackendProvider> backends;
    private final ModelResolver resolver;
    private final BackendProbe probe;
    private final ModelConversions conversions;
    private final ModelOptimizations optimizations;

    /** A configuration whose files resolved (and model converted), waiting for its model to be described. */
    private record Resolved(ConfigurationSpec spec, ResolvedModel model, ResolvedModel tokenizer, List<String> texts,
                            ModelFormat loadFormat, ConversionInfo conversion,
                            PreparedConfiguration.NotRunnable notRunnable, List<OptimizationInfo> optimizations) {
        /**
         * The model opened as the run will open it, with the configuration's options; a GPU
         * configuration's options may only make sense on its GPU, so it is opened with the defaults.
         */
        BackendProbe.ModelQuery query() {
            boolean cpu = spec.hardware().device().kind() == Device.Kind.CPU;
            return new BackendProbe.ModelQuery(spec.backend().name(), model.path(), loadFormat,
                    cpu ? spec.backend().options() : Map.of());
        }
    }

    /** Models are described by the providers in this JVM. */
    public Preflight(Map<String, BackendProvider> backends, ModelResolver resolver) {
        this(backends, resolver, BackendProbe.inProcess(backends));
    }

    /** Models are described through {@code probe} (e.g. in a child JVM per adapter, {@link io.inferbench.run.ChildProbe}). */
    public Preflight(Map<String, BackendProvider> backends, ModelResolver resolver, BackendProbe probe) {
        this(backends, resolver, probe, ModelConversions.NONE, ModelOptimizations.NONE);
    }

    private Preflight(Map<String, BackendProvider> backends, ModelResolver resolver, BackendProbe probe,
                      ModelConversions conversions, ModelOptimizations optimizations) {
        this.backends = backends;
        this.resolver = resolver;
        this.probe = probe;
        this.conversions = conversions;
        this.optimizations = optimizations;
    }

    /**
     * This preflight, converting a model whose format its backend does not load with
     * {@code modelConversions} (before its inputs are checked against the converted model).
     */
    public Preflight withConversions(ModelConversions modelConversions) {
        return new Preflight(backends, resolver, probe, modelConversions, optimizations);
    }

    /**
     * This preflight, applying each configuration's {@code optimization.steps} with {@code modelOptimizations}
     * (before any conversion, and before its inputs are checked against the optimized model).
     */
    public Preflight withOptimizations(ModelOptimizations modelOptimizations) {
        return new Preflight(backends, resolver, probe, conversions, modelOptimizations);
    }

    /**
     * What preflight found: the configurations, and the models that would not open as their
     * configuration asks ({@code unloadable}, one problem each). A run goes on without them (each
     * such configuration fails with the backend's reason, the others run); {@code validate} refuses
     * them, so that it never calls valid what a run would fail.
     */
    public record Checked(List<PreparedConfiguration> configurations, List<Problem> unloadable) {
        public Checked {
            configurations = List.copyOf(configurations);
            unloadable = List.copyOf(unloadable);
        }
    }

    /** Checks every configuration; throws with every problem found. */
    public List<PreparedConfiguration> check(Scenario scenario) throws ScenarioException {
        return inspect(scenario).configurations();
    }

    /** {@link #check}, keeping what opening each model showed. */
    public Checked inspect(Scenario scenario) throws ScenarioException {
        String file = scenario.file().toString();
        List<Problem> problems = new ArrayList<>();
        checkDatasets(scenario, file, problems);
        List<PreparedConfiguration> out = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (ConfigurationSpec c : scenario.configurations()) {
            Resolved r = resolve(c, file, problems);
            if (r != null) {
                resolved.add(r);
            }
        }
        // Every model at once: a probe in a child JVM answers all of its adapter's questions in one go.
        Map<BackendProbe.ModelQuery, BackendProbe.ModelShape> shapes = probe.describe(
                new LinkedHashSet<>(resolved.stream().filter(r -> r.notRunnable() == null).map(Resolved::query)
                        .toList()));
        List<Problem> unloadable = new ArrayList<>();
        for (Resolved r : resolved) {
            BackendProbe.ModelShape shape = shapes.get(r.query());
            if (r.notRunnable() == null && shape != null && shape.failure() != null && !shape.skipped()) {
                boolean hasModel = r.model().path() != null;
                unloadable.add(at(file, r.spec().location(hasModel ? "model" : "backend"), hasModel ? "model"
                        : "backend.options", r.spec().id() + " " + r.spec().label() + ": " + r.spec().backend().name()
                        + (hasModel ? " cannot open " + r.model().source() + " with these options: "
                        : " refuses these options: ") + firstLine(shape.failure())));
            }
            PreparedConfiguration p = plan(r, shape, file, problems);
            if (p != null) {
                out.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(new LinkedHashSet<>(problems)));
        }
        return new Checked(out, unloadable);
    }

    /**
     * Each accuracy task's dataset read by its evaluator as the task will read it: a malformed line
     * is bad input now, not a failed task after the measurement.
     */
    private static void checkDatasets(Scenario scenario, String file, List<Problem> problems) {
        if (scenario.accuracy() == null) {
            return;
        }
        var evaluators = io.inferbench.api.accuracy.Evaluators.installed();
        var tasks = scenario.accuracy().tasks();
        for (int i = 0; i < tasks.size(); i++) {
            var task = tasks.get(i);
            var evaluator = evaluators.get(task.evaluator());
            if (task.dataset() == null || evaluator == null) {
                continue;
            }
            try {
                evaluator.checkDataset(task);
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(file, 0, 0, "accuracy.tasks[" + i + "].dataset", "task '" + task.name()
                        + "': " + firstLine(e.getMessage() == null ? e.toString() : e.getMessage())));
            }
        }
    }

    private Resolved resolve(ConfigurationSpec c, String file, List<Problem> problems) {
        ResolvedModel model;
        try {
            model = resolver.resolve(c.model().source());
        } catch (ModelResolutionException e) {
            problems.add(at(file, c.location("model"), "model", e.getMessage()));
            return null;
        }
        ResolvedModel tokenizer = null;
        List<String> texts = null;
        TextInputSpec text = c.inputs().text();
        if (text != null) {
            try {
                tokenizer = resolver.resolve(tokenizerSource(c, text));
                texts = readTexts(text.file());
            } catch (ModelResolutionException e) {
                problems.add(at(file, c.location("inputs.text.tokenizer"), "inputs.text.tokenizer", e.getMessage()));
                return null;
            } catch (IOException e) {
                problems.add(at(file, SourceLocation.UNKNOWN, "inputs.text.file", e.getMessage()));
                return null;
            }
        }
        List<OptimizationInfo> steps = List.of();
        Path scenarioDir = Path.of(file).toAbsolutePath().getParent();
        ModelOptimizations.Outcome optimized = optimizations.optimize(c, model,
                new ModelOptimizations.CalibrationInputs(tokenizer, texts, scenarioDir));
        if (optimized instanceof ModelOptimizations.Refused r) {
            problems.add(at(file, c.location("optimization.steps"), "optimization.steps", r.message()));
            return null;
        }
        if (optimized instanceof ModelOptimizations.Failed f) {
            return new Resolved(c, model, tokenizer, texts, c.model().format(), null,
                    new PreparedConfiguration.NotRunnable(ConfigurationStatus.FAILED, f.reason()), steps);
        }
        if (optimized instanceof ModelOptimizations.Optimized ok) {
            model = ok.model();
            steps = ok.steps();
        }
        ModelConversions.Outcome converted = conversions.convert(c, model);
        if (converted instanceof ModelConversions.Failed f) {
            return new Resolved(c, model, tokenizer, texts, c.model().format(), null,
                    new PreparedConfiguration.NotRunnable(f.status(), f.reason()), steps);
        }
        if (converted instanceof ModelConversions.Converted ok) {
            return new Resolved(c, ok.model(), tokenizer, texts, ok.format(), ok.info(), null, steps);
        }
        return new Resolved(c, model, tokenizer, texts, c.model().format(), null, null, steps);
    }

    private static PreparedConfiguration plan(Resolved r, BackendProbe.ModelShape d, String file,
                                              List<Problem> problems) {
        ConfigurationSpec c = r.spec();
        if (r.notRunnable() != null || d == null || d.failure() != null) {
            return new PreparedConfiguration(c, r.model(), r.tokenizer(), r.texts(), null, List.of(), r.loadFormat(),
                    r.conversion(), r.notRunnable(), r.optimizations());
        }
        InputPlan plan = InputPlan.resolve(c.inputs(), d.inputs(), file, problems);
        if (plan != null && c.inputs().data() != null) {
            try {
                DataFile.read(c.inputs().data(), plan);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(at(file, c.location("inputs.data"), "inputs.data.file", e.getMessage()));
                return null;
            }
        }
        return plan == null ? null : new PreparedConfiguration(c, r.model(), r.tokenizer(), r.texts(), plan,
                d.outputs(), r.loadFormat(), r.conversion(), null, r.optimizations());
    }

    private ModelSource tokenizerSource(ConfigurationSpec c, TextInputSpec text) throws ModelResolutionException {
        if (text.tokenizer() != null) {
            return text.tokenizer();
        }
        ModelSource source = c.model().source();
        if (source instanceof ModelSource.MavenEntry e) {
            String entry = resolver.findEntry(e.artifact(), "tokenizer.json").orElseThrow(() ->
                    new ModelResolutionException("no tokenizer.json entry in " + e.artifact()
                            + "; set inputs.text.tokenizer"));
            return new ModelSource.MavenEntry(e.artifact(), entry);
        }
        if (source instanceof ModelSource.LocalFile f) {
            Path dir = f.path().toAbsolutePath().getParent();
            String stem = f.path().getFileName().toString().replaceFirst("\\.[^.]+$", "");
            for (Path candidate : List.of(dir.resolve(stem + "-tokenizer.json"), dir.resolve("tokenizer.json"))) {
                if (Files.isRegularFile(candidate)) {
                    return new ModelSource.LocalFile(candidate);
                }
            }
        }
        throw new ModelResolutionException("no tokenizer.json found next to the model; set inputs.text.tokenizer");
    }

    static List<String> readTexts(Path file) throws IOException {
        List<String> lines = io.inferbench.scenario.UserFiles.readLines(file,
                        io.inferbench.scenario.ScenarioLimits.MAX_DATA_FILE_BYTES).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new IOException("text file " + file + " has no lines of text");
        }
        return lines;
    }

    /** A reason fit for a one-line problem: its first line, at most 300 characters. */
    private static String firstLine(String reason) {
        String line = reason.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static Problem at(String file, SourceLocation loc, String path, String message) {
        return new Problem(file, loc.line(), loc.column(), path, message);
    }
}
