package io.inferbench.jmh;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.input.InputPlan;
import io.inferbench.run.CachedConversions;
import io.inferbench.run.ChildProbe;
import io.inferbench.run.InputPreparation;
import io.inferbench.run.LoadedModel;
import io.inferbench.model.InferbenchDirs;
import io.inferbench.model.ModelResolver;
import io.inferbench.run.backends.Backends;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.run.Preflight;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.Problem;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One configuration opened the way {@link io.inferbench.run.ConfigurationRunner} opens it: the
 * model loaded into a session, one {@link Runner}, and every input sample prepared by that runner,
 * so that a measured call is exactly one {@link Runner#run}. Not thread-safe (one per thread, like
 * a runner).
 */
public final class CallFixture implements AutoCloseable {
    private final ModelSession session;
    private final Runner runner;
    private final PreparedInput[] prepared;
    private final InputPlan plan;
    private final double loadTimeMs;

    private CallFixture(ModelSession session, Runner runner, PreparedInput[] prepared, InputPlan plan,
                        double loadTimeMs) {
        this.session = session;
        this.runner = runner;
        this.prepared = prepared;
        this.plan = plan;
        this.loadTimeMs = loadTimeMs;
    }

    /**
     * Parses {@code scenarioFile} and preflights only the configuration {@code configId} (the first
     * configuration when blank). Used inside a forked benchmark JVM.
     *
     * @throws ScenarioException        when the scenario or that configuration is bad input
     * @throws IllegalArgumentException when the scenario has no configuration {@code configId}
     */
    public static PreparedConfiguration load(Path scenarioFile, String configId, Map<String, BackendProvider> backends)
            throws ScenarioException {
        return load(scenarioFile, configId, backends, null);
    }

    /**
     * {@link #load(Path, String, Map)} with the harness's model conversions of {@code installed}
     * (a converted model comes from the cache the parent filled, or is converted in a child JVM).
     */
    public static PreparedConfiguration load(Path scenarioFile, String configId, Backends installed)
            throws ScenarioException {
        return load(scenarioFile, configId, installed.byName(), installed);
    }

    private static PreparedConfiguration load(Path scenarioFile, String configId,
                                              Map<String, BackendProvider> backends, Backends installed)
            throws ScenarioException {
        ScenarioParser parser = new ScenarioParser(backends);
        if (installed != null) {
            parser = parser.withConversions((b, f) -> installed.converterFor(b.name(), f).isPresent());
        }
        Scenario s = parser.parse(scenarioFile);
        ConfigurationSpec c = s.configurations().stream()
                .filter(x -> configId == null || configId.isBlank() || x.id().equals(configId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(scenarioFile + " has no configuration '" + configId
                        + "'; it has " + s.configurations().stream().map(ConfigurationSpec::id).toList()));
        Scenario one = new Scenario(s.file(), s.name(), s.description(), s.source(), List.of(c));
        Preflight preflight = new Preflight(backends, ModelResolver.defaults());
        if (installed != null) {
            preflight = preflight.withConversions(new CachedConversions(installed, new ChildProbe(installed),
                    InferbenchDirs.cache(), line -> { }));
        }
        return preflight.check(one).get(0);
    }

    /**
     * Loads the model, builds the configuration's samples and prepares them all. Blocking; may take
     * seconds for a real model.
     *
     * @throws io.inferbench.api.DeviceUnavailableException  when the device is not there
     * @throws io.inferbench.api.UnsupportedModelException   when the backend cannot run the model
     * @throws BackendException                              when loading or preparing fails
     * @throws IllegalArgumentException                      when the inputs do not fit the model
     */
    public static CallFixture open(PreparedConfiguration pc, Map<String, BackendProvider> backends) throws Exception {
        ConfigurationSpec c = pc.spec();
        BackendProvider provider = backends.get(c.backend().name());
        if (provider == null) {
            throw new IllegalArgumentException("backend '" + c.backend().name() + "' is not installed");
        }
        LoadedModel loaded = LoadedModel.openInAdapterContext(provider, pc);
        ModelSession session = loaded.session();
        Runner runner = null;
        try {
            List<Problem> problems = new ArrayList<>();
            InputPlan plan = InputPreparation.plan(pc, session.inputs(), problems);
            if (plan == null) {
                throw new IllegalArgumentException(problems.get(0).message());
            }
            List<Map<String, Tensor>> samples = InputPreparation.samples(pc, plan);
            runner = session.newRunner();
            PreparedInput[] prepared = new PreparedInput[samples.size()];
            for (int i = 0; i < prepared.length; i++) {
                prepared[i] = runner.prepare(samples.get(i));
            }
            return new CallFixture(session, runner, prepared, plan, loaded.loadMs());
        } catch (Exception | Error e) {
            if (runner != null) {
                runner.close();
            }
            session.close();
            throw e;
        }
    }

    /** The runner that measured calls go through. */
    public Runner runner() {
        return runner;
    }

    /** Every sample, prepared by {@link #runner()}; never empty. */
    public PreparedInput[] prepared() {
        return prepared;
    }

    public ModelSession session() {
        return session;
    }

    /** The inputs as fed. */
    public InputPlan plan() {
        return plan;
    }

    /** Time to load the model, in milliseconds. */
    public double loadTimeMs() {
        return loadTimeMs;
    }

    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            session.close();
        }
    }
}
