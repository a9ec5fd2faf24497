package io.inferbench.cli;

import io.inferbench.run.CachedConversions;
import io.inferbench.run.CachedOptimizations;
import io.inferbench.run.ModelOptimizations;
import io.inferbench.run.OptimizationRuntimes;
import io.inferbench.model.ResolvedModel;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.run.ChildProbe;
import io.inferbench.model.InferbenchDirs;
import io.inferbench.model.ModelResolver;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.run.Preflight;
import io.inferbench.scenario.Problem;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Parse and preflight, shared by {@code run} and {@code validate}. */
final class ScenarioLoader {
    /**
     * @param unloadable the models that would not open as their configuration asks (a run fails those
     *                   configurations and runs the others; validate refuses them)
     */
    record Loaded(Scenario scenario, List<PreparedConfiguration> configurations, List<Problem> unloadable) {
    }

    private ScenarioLoader() {
    }

    /**
     * Parses and preflights {@code file}. A model whose format its backend does not load is converted
     * (in a child JVM, cached) when an installed converter can, with a progress line on {@code out}.
     */
    static Loaded load(Path file, Backends backends, BackendProbe probe, PrintWriter out, PrintWriter err)
            throws ScenarioException {
        return load(file, backends, probe, out, err, io.inferbench.scenario.ScenarioLimits.DEFAULT_MAX_CONFIGURATIONS);
    }

    /** {@link #load}, refusing a matrix of more than {@code maxConfigurations}. */
    static Loaded load(Path file, Backends backends, BackendProbe probe, PrintWriter out, PrintWriter err,
                       int maxConfigurations) throws ScenarioException {
        backends.problems().forEach(p -> err.println("warning: " + p));
        Scenario s = new ScenarioParser(backends.byName()).withMaxConfigurations(maxConfigurations)
                .withConversions((b, f) -> backends.converterFor(b.name(), f).isPresent()).parse(file);
        ChildProbe converting = probe instanceof ChildProbe c ? c : new ChildProbe(backends);
        Preflight.Checked checked = new Preflight(backends.byName(), ModelResolver.defaults(), probe)
                .withConversions(new CachedConversions(backends, converting, InferbenchDirs.cache(), line -> {
                    out.println(line);
                    out.flush();
                })).withOptimizations(optimizations(out, new OptimizationRuntimes(backends, probe,
                        probe instanceof ChildProbe c ? c : null))).inspect(s);
        return new Loaded(s, checked.configurations(), checked.unloadable());
    }

    /** The optimizer, loaded when a configuration first has steps; without its jars, steps are refused. */
    private static ModelOptimizations optimizations(PrintWriter out, OptimizationRuntimes runtimes) {
        return new ModelOptimizations() {
            private ModelOptimizations loaded;

            @Override
            public Outcome optimize(ConfigurationSpec c, ResolvedModel model) {
                return optimize(c, model, null);
            }

            @Override
            public Outcome optimize(ConfigurationSpec c, ResolvedModel model, CalibrationInputs inputs) {
                if (c.optimizationSteps().isEmpty()) {
                    return null;
                }
                if (loaded == null) {
                    try {
                        loaded = new CachedOptimizations(OptimizerLoader.modelOptimizer(), InferbenchDirs.cache(),
                                line -> {
                                    out.println(line);
                                    out.flush();
                                }, runtimes);
                    } catch (Exception | LinkageError e) {
                        return new ModelOptimizations.Refused("optimization.steps: the optimizer cannot be loaded ("
                                + e + ")");
                    }
                }
                return loaded.optimize(c, model, inputs);
            }
        };
    }

    /**
     * How the parent asks backends for info and models' inputs: in a child JVM per adapter when
     * adapters live in folders (their native libraries stay out of this JVM), else here.
     */
    static BackendProbe probe(Backends backends, boolean inProcess) {
        return inProcess || !backends.fromFolders() ? BackendProbe.inProcess(backends.byName())
                : new ChildProbe(backends);
    }

    /** The InferBench checkout (set by the launcher), for the git commit recorded with results. */
    static Path projectDir() {
        String home = System.getProperty("inferbench.home");
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }
}
