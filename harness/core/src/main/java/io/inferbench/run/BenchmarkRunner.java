package io.inferbench.run;

import io.inferbench.api.BackendProvider;
import io.inferbench.env.EnvironmentProbe;
import io.inferbench.load.LoadGenerator;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every configuration of a scenario in order and writes {@code <out>/<runId>/result.json}
 * after each one (atomically), so a crash or Ctrl-C loses at most the configuration in progress.
 */
public final class BenchmarkRunner {
    public static final String RESULT_FILE = "result.json";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Map<String, BackendProvider> backends;
    private final Path projectDir;
    private final Duration interval;

    /**
     * @param projectDir the InferBench checkout, for the git commit in the environment (may be null)
     */
    public BenchmarkRunner(Map<String, BackendProvider> backends, Path projectDir) {
        this(backends, projectDir, Duration.ofSeconds(1));
    }

    public BenchmarkRunner(Map<String, BackendProvider> backends, Path projectDir, Duration interval) {
        this.backends = backends;
        this.projectDir = projectDir;
        this.interval = interval;
    }

    /** The run's folder for {@code scenario} started at {@code start}. */
    public static String runId(Scenario scenario, Instant start) {
        return RUN_ID.format(start) + "-" + scenario.name().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Runs the prepared configurations (from {@link Preflight#check}). Returns the final result;
     * it is also at {@code runDir/result.json}.
     */
    public RunResult run(Scenario scenario, List<PreparedConfiguration> configurations, Path runDir,
                         RunListener listener) throws IOException, InterruptedException {
        Instant start = Instant.now();
        RunResult result = new RunResult(RunResult.SCHEMA, runDir.getFileName().toString(), start, null,
                record(scenario), environment(scenario), List.of());
        ResultJson.write(result, runDir.resolve(RESULT_FILE));
        ConfigurationRunner runner = new ConfigurationRunner(backends, new LoadGenerator(), interval);
        List<ConfigurationResult> done = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            PreparedConfiguration pc = configurations.get(i);
            listener.configurationStarted(i + 1, configurations.size(), pc.spec());
            ConfigurationResult r = runner.execute(pc, listener);
            done.add(r);
            listener.configurationFinished(r);
            result = result.withConfigurations(done, null);
            ResultJson.write(result, runDir.resolve(RESULT_FILE));
        }
        result = result.withConfigurations(done, Instant.now());
        ResultJson.write(result, runDir.resolve(RESULT_FILE));
        return result;
    }

    /** The environment, with versions of the backends this scenario uses (only those are loaded). */
    private EnvironmentInfo environment(Scenario scenario) {
        Map<String, String> versions = new LinkedHashMap<>();
        scenario.configurations().stream().map(c -> backends.get(c.backend().name())).distinct().forEach(b -> {
            var info = b.info();
            versions.put(b.name(), info.version());
            versions.putAll(info.libraryVersions());
        });
        return EnvironmentProbe.capture(versions, projectDir);
    }

    static ScenarioRecord record(Scenario s) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.source().getBytes(StandardCharsets.UTF_8)));
            return new ScenarioRecord(s.file().toString(), s.name(), s.description(), sha, s.source());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
