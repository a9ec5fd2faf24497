package io.inferbench.run;

import io.inferbench.run.backends.Backends;
import io.inferbench.run.backends.BackendProbe;

import io.inferbench.api.BackendProvider;
import io.inferbench.env.EnvironmentProbe;
import io.inferbench.load.LoadGenerator;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.ShardInfo;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every configuration of a scenario in order and writes {@code <out>/<runId>/result.json}
 * after each one (atomically), so a crash or Ctrl-C loses at most the configuration in progress,
 * and {@link #resume} can finish the run later.
 *
 * <p>Each configuration runs in this JVM when its {@code run.forks} is 0 (or {@link #inProcess} is
 * set), else in {@code run.forks} fresh JVMs one after another ({@link ForkExecutor}).
 */
public final class BenchmarkRunner {
    public static final String RESULT_FILE = "result.json";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Map<String, BackendProvider> backends;
    private final Path projectDir;
    private final Duration interval;
    private final boolean inProcess;
    private final ForkJvm.Factory forkJvms;
    private final Map<String, List<String>> adapterClasspaths;
    private final BackendProbe probe;

    /**
     * @param projectDir the InferBench checkout, for the git commit in the environment (may be null)
     */
    public BenchmarkRunner(Map<String, BackendProvider> backends, Path projectDir) {
        this(backends, projectDir, Duration.ofSeconds(1));
    }

    public BenchmarkRunner(Map<String, BackendProvider> backends, Path projectDir, Duration interval) {
        this(backends, projectDir, interval, false, ForkJvm.Factory.CURRENT, Map.of(), null);
    }

    private BenchmarkRunner(Map<String, BackendProvider> backends, Path projectDir, Duration interval,
                            boolean inProcess, ForkJvm.Factory forkJvms, Map<String, List<String>> adapterClasspaths,
                            BackendProbe probe) {
        this.backends = backends;
        this.projectDir = projectDir;
        this.interval = interval;
        this.inProcess = inProcess;
        this.forkJvms = forkJvms;
        this.adapterClasspaths = Map.copyOf(adapterClasspaths);
        this.probe = probe;
    }

    /** This runner, running every configuration once in this JVM whatever its {@code run.forks} (for debugging). */
    public BenchmarkRunner inProcess(boolean always) {
        return new BenchmarkRunner(backends, projectDir, interval, always, forkJvms, adapterClasspaths, probe);
    }

    /** This runner, starting each configuration's forks in the JVM {@code jvms} chooses. */
    public BenchmarkRunner withForkJvms(ForkJvm.Factory jvms) {
        return new BenchmarkRunner(backends, projectDir, interval, inProcess, jvms, adapterClasspaths, probe);
    }

    /**
     * This runner with adapter folders: each configuration's child JVMs get its backend's adapter
     * jars ({@link Backends#adapterClasspaths()}) after the core's class path, and no other adapter's.
     */
    public BenchmarkRunner withAdapterClasspaths(Map<String, List<String>> byBackend) {
        return new BenchmarkRunner(backends, projectDir, interval, inProcess, forkJvms, byBackend, probe);
    }

    /** This runner, reading the backends' versions for the environment through {@code probe} (e.g. a child JVM). */
    public BenchmarkRunner withProbe(BackendProbe backendProbe) {
        return new BenchmarkRunner(backends, projectDir, interval, inProcess, forkJvms, adapterClasspaths,
                backendProbe);
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
        return run(scenario, configurations, runDir, listener, null, configurations.size());
    }

    /**
     * Runs {@code shard}'s part of the scenario: {@code configurations} are that part (from
     * {@link Shard#select}) of the scenario's {@code total}; the result records which part it is.
     *
     * @param shard null for the whole scenario
     */
    public RunResult run(Scenario scenario, List<PreparedConfiguration> configurations, Path runDir,
                         RunListener listener, Shard shard, int total) throws IOException, InterruptedException {
        ScenarioRecord recorded = record(scenario);
        EnvironmentInfo env = environment(scenario);
        RunResult start = RunResult.started(runDir.getFileName().toString(), Instant.now(), recorded, env);
        if (shard != null) {
            start = start.withShard(new ShardInfo(shard.index(), shard.count(), recorded.sha256(),
                    MachineFingerprint.of(env).id(), configurations.stream().map(pc -> pc.spec().id()).toList(),
                    total));
        }
        return execute(start, scenario, configurations, runDir, listener);
    }

    /**
     * Finishes an interrupted run: the configurations already in {@code previous} (same id and label;
     * OK, FAILED or SKIPPED) are kept as they are, the others run; the result keeps the previous
     * run's id, start and environment, and lists the configurations in matrix order.
     *
     * @param previous the run's {@code result.json} as last written
     */
    public RunResult resume(RunResult previous, Scenario scenario, List<PreparedConfiguration> configurations,
                            Path runDir, RunListener listener) throws IOException, InterruptedException {
        return execute(previous, scenario, configurations, runDir, listener);
    }

    /**
     * Each forked JVM also gets its backend's adapter jars (when adapters live in folders), the
     * environment its backend asks for with the configuration's options, and the scenario's
     * {@code run.jvm} heap, flags and environment.
     */
    private ForkJvm.Factory withBackendEnvironment(ForkJvm.Factory jvms) {
        return spec -> {
            ForkJvm jvm = jvms.forConfiguration(spec);
            List<String> adapterJars = adapterClasspaths.get(spec.backend().name());
            if (adapterJars != null) {
                jvm = jvm.withAdditionalClasspath(adapterJars);
            }
            var provider = backends.get(spec.backend().name());
            if (provider != null) {
                for (var e : provider.environment(spec.backend().options()).entrySet()) {
                    jvm = jvm.withEnvironment(e.getKey(), e.getValue());
                }
            }
            // The scenario's run.jvm last: its heap, flags and variables win over the defaults and the backend's.
            var own = spec.run().jvm();
            jvm = jvm.withJvmArgs(own.jvmFlags().toArray(String[]::new));
            for (var e : own.environment().entrySet()) {
                jvm = jvm.withEnvironment(e.getKey(), e.getValue());
            }
            return spec.hardware().cpus() == null ? jvm : jvm.pinnedTo(spec.hardware().cpus());
        };
    }

    private interface Execution {
        ConfigurationResult run() throws InterruptedException;
    }

    /**
     * Runs in this JVM with the backend's class loader as the thread's context class loader (worker
     * threads started meanwhile inherit it): libraries that discover plug-ins through it (DJL's
     * engines) then see the adapter's jars even when the adapter lives in a class loader of its own.
     */
    private ConfigurationResult inAdapterContext(PreparedConfiguration pc, Execution body)
            throws InterruptedException {
        BackendProvider provider = backends.get(pc.spec().backend().name());
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        if (provider != null) {
            t.setContextClassLoader(provider.getClass().getClassLoader());
        }
        try {
            return body.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /**
     * The run's derived summary computed anew from its configurations, as at the end of a run:
     * comparisons, recommendation, output agreement (from the outputs captured under {@code outputsDir})
     * and accuracy drops. For results put together from several runs ({@code inferbench merge}).
     */
    public static RunResult analyse(RunResult run, Scenario scenario, Path outputsDir) {
        return RunAnalysis.analyse(run, scenario, outputsDir);
    }

    /** The configurations of {@code configurations} that {@code previous} already has (by id and label). */
    public static List<PreparedConfiguration> completed(RunResult previous,
                                                        List<PreparedConfiguration> configurations) {
        return configurations.stream().filter(pc -> find(previous, pc) != null).toList();
    }

    private RunResult execute(RunResult initial, Scenario scenario, List<PreparedConfiguration> configurations,
                              Path runDir, RunListener listener) throws IOException, InterruptedException {
        // Accuracy mode: each configuration leaves its outputs on a few samples here (forked children
        // are told the folder in their request) for the agreement analysis at the end.
        Path outputs = runDir.resolve("outputs").toAbsolutePath();
        // run.trace: each configuration's forks leave their query traces here, joined into the run's at the end.
        Path traces = runDir.resolve("traces").toAbsolutePath();
        int n = configurations.size();
        ConfigurationResult[] slots = new ConfigurationResult[n];
        for (int i = 0; i < n; i++) {
            slots[i] = find(initial, configurations.get(i));
        }
        RunResult result = initial.withConfigurations(filled(slots), null);
        save(result, runDir, "before the first configuration", result.configurations().size(), n);
        ConfigurationExecutor here = new ConfigurationRunner(backends, new LoadGenerator(), interval)
                .withAccuracy(scenario.accuracy())
                .withOutputCapture(outputs, io.inferbench.scenario.AccuracySpec.agreementOf(scenario.accuracy()))
                .withTrace(traces, 1);
        ConfigurationExecutor forked = new ForkExecutor(scenario, runDir, interval, withBackendEnvironment(forkJvms))
                .withOutputCapture(outputs).withTrace(traces);
        for (int i = 0; i < n; i++) {
            if (slots[i] != null) {
                continue;
            }
            PreparedConfiguration pc = configurations.get(i);
            listener.configurationStarted(i + 1, n, pc.spec());
            // Nothing to start for a configuration preflight found cannot run (e.g. its model did not convert).
            ConfigurationExecutor executor = inProcess || pc.spec().run().forks() == 0 || pc.notRunnable() != null
                    ? here : forked;
            if (executor == here && pc.spec().hardware().cpus() != null && pc.notRunnable() == null) {
                // Pinning the harness's own JVM would pin the whole run: refuse rather than measure unpinned.
                slots[i] = ConfigurationResults.notMeasured(pc, ConfigurationStatus.FAILED, "hardware.cpus ("
                        + pc.spec().hardware().cpus() + ") pins a child JVM, but --in-process runs this configuration "
                        + "in the harness's JVM; run without --in-process", List.of());
            } else {
                slots[i] = executor == here ? inAdapterContext(pc, () -> here.execute(pc, listener))
                        : executor.execute(pc, listener);
            }
            listener.configurationFinished(slots[i]);
            result = result.withConfigurations(filled(slots), null);
            save(result, runDir, "after " + pc.spec().id() + " " + pc.spec().label(),
                    result.configurations().size() - 1, n);
        }
        result = RunAnalysis.analyse(result.withConfigurations(filled(slots), Instant.now()), scenario, outputs);
        save(result, runDir, "at the end (comparisons and recommendation)", result.configurations().size(), n);
        try {
            RunTrace.write(result, traces, runDir);
        } catch (IOException e) {
            throw new IOException("the query trace (run.trace) could not be written to " + runDir + ": "
                    + e.getMessage() + "; result.json is complete", e);
        }
        return result;
    }

    /**
     * Writes {@code result} (atomically: the file keeps its previous content when this fails). A
     * failure stops the run, since nothing measured afterwards could be kept; the exception says what
     * the file still holds and what was not written.
     */
    private static void save(RunResult result, Path runDir, String when, int kept, int planned)
            throws ResultWriteException {
        Path file = runDir.resolve(RESULT_FILE);
        try {
            ResultJson.write(result, file);
        } catch (IOException e) {
            throw new ResultWriteException(file, when, kept, planned, e);
        }
    }

    /** The result of {@code pc} in {@code run}, matched by id and label, or null. */
    private static ConfigurationResult find(RunResult run, PreparedConfiguration pc) {
        return run.configurations().stream()
                .filter(r -> r.id().equals(pc.spec().id()) && r.label().equals(pc.spec().label()) && r.status() != null)
                .findFirst().orElse(null);
    }

    private static List<ConfigurationResult> filled(ConfigurationResult[] slots) {
        return Arrays.stream(slots).filter(Objects::nonNull).toList();
    }

    /** The environment, with versions of the backends this scenario uses (only those are loaded). */
    private EnvironmentInfo environment(Scenario scenario) {
        Map<String, String> versions = new LinkedHashMap<>();
        scenario.configurations().stream().map(c -> backends.get(c.backend().name())).distinct().forEach(b -> {
            var info = probe != null ? probe.info(b.name()) : b.info();
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
