package io.inferbench.cli;

import io.inferbench.fork.ChildProbe;
import io.inferbench.model.ModelResolver;
import io.inferbench.run.BackendProbe;
import io.inferbench.run.Backends;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.run.Preflight;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Parse and preflight, shared by {@code run} and {@code validate}. */
final class ScenarioLoader {
    record Loaded(Scenario scenario, List<PreparedConfiguration> configurations) {
    }

    private ScenarioLoader() {
    }

    static Loaded load(Path file, Backends backends, BackendProbe probe, PrintWriter err) throws ScenarioException {
        backends.problems().forEach(p -> err.println("warning: " + p));
        Scenario s = new ScenarioParser(backends.byName()).parse(file);
        List<PreparedConfiguration> prepared = new Preflight(backends.byName(), ModelResolver.defaults(), probe)
                .check(s);
        return new Loaded(s, prepared);
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
