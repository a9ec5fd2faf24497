package io.inferbench.run;

import io.inferbench.model.ModelResolver;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs a scenario written inline, as {@code inferbench run} does, for the fork tests. */
final class ForkRuns {
    /** A short timeline interval so that short measurements still have several points. */
    static final Duration INTERVAL = Duration.ofMillis(100);

    private ForkRuns() {
    }

    static Scenario scenario(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return new ScenarioParser(Backends.discover().byName()).parse(file);
    }

    static List<PreparedConfiguration> prepare(Scenario s) throws Exception {
        return new Preflight(Backends.discover().byName(), ModelResolver.defaults()).check(s);
    }

    static BenchmarkRunner runner(Path dir) {
        return new BenchmarkRunner(Backends.discover().byName(), dir, INTERVAL);
    }

    static RunResult run(BenchmarkRunner runner, Scenario s, Path runDir, RunListener listener) throws Exception {
        return runner.run(s, prepare(s), runDir, listener);
    }

    static ConfigurationResult byLabel(RunResult r, String label) {
        return r.configurations().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no configuration '" + label + "' in " + r.configurations()));
    }
}
