package io.inferbench.jmh;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.env.EnvironmentProbe;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.SessionInfo;
import io.inferbench.run.BenchmarkRunner;
import io.inferbench.run.ConfigurationResults;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.scenario.Scenario;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * The {@code jmh} mode: measures each configuration's steady-state cost per call with JMH
 * ({@link InferenceCallBenchmark}, AverageTime and SampleTime, in forked JVMs that inherit this
 * JVM's class path and flags) and writes an ordinary InferBench result,
 * {@code runDir/result.json}, after each configuration.
 *
 * <p>Before JMH runs a configuration, this JVM opens it once and makes one call, so a model that
 * fails to load or run fails that configuration with the backend's reason (and is skipped when
 * its device is missing) instead of a forked JVM's stack trace. The scenario's load profile and
 * run section do not apply: JMH's forks, iterations and iteration times do.
 */
public final class JmhScenarioRunner {
    public static final String RESULT_FILE = BenchmarkRunner.RESULT_FILE;
    /** The benchmark method JMH runs, as JMH names it. */
    public static final String BENCHMARK = InferenceCallBenchmark.class.getName() + ".call";

    private final Map<String, BackendProvider> backends;
    private final Path projectDir;
    private final JmhSettings settings;
    private final PrintStream console;
    private final VerboseMode verbosity;

    /**
     * @param projectDir the InferBench checkout, for the git commit in the environment (may be null)
     * @param console    where progress and JMH's own output go
     * @param verbosity  how much of JMH's output to show
     */
    public JmhScenarioRunner(Map<String, BackendProvider> backends, Path projectDir, JmhSettings settings,
                             PrintStream console, VerboseMode verbosity) {
        this.backends = backends;
        this.projectDir = projectDir;
        this.settings = settings;
        this.console = console;
        this.verbosity = verbosity;
    }

    /** The run's folder name: the normal run id with {@code -jmh}. */
    public static String runId(Scenario scenario, Instant start) {
        return BenchmarkRunner.runId(scenario, start) + "-jmh";
    }

    /**
     * Measures {@code configurations} (from {@link io.inferbench.run.Preflight#check}, possibly a
     * subset) of {@code scenario} in order. Blocking: minutes with the default settings.
     *
     * @return the final result; it is also at {@code runDir/result.json}
     */
    public RunResult run(Scenario scenario, List<PreparedConfiguration> configurations, Path runDir)
            throws IOException {
        RunResult result = RunResult.started(runDir.getFileName().toString(), Instant.now(), record(scenario),
                environment(configurations));
        ResultJson.write(result, runDir.resolve(RESULT_FILE));
        List<ConfigurationResult> done = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            PreparedConfiguration pc = configurations.get(i);
            console.printf("[%d/%d] %s %s: JMH, %d fork%s × (%s warmup + %s measured), AverageTime and SampleTime%n",
                    i + 1, configurations.size(), pc.spec().id(), pc.spec().label(), settings.forks(),
                    settings.forks() == 1 ? "" : "s", settings.describeWarmup(), settings.describeMeasurement());
            ConfigurationResult r = measure(scenario, pc);
            console.println("[" + (i + 1) + "/" + configurations.size() + "] " + pc.spec().id() + ": " + summary(r));
            done.add(r);
            result = result.withConfigurations(done, null);
            ResultJson.write(result, runDir.resolve(RESULT_FILE));
        }
        result = result.withConfigurations(done, Instant.now());
        ResultJson.write(result, runDir.resolve(RESULT_FILE));
        return result;
    }

    private ConfigurationResult measure(Scenario scenario, PreparedConfiguration pc) {
        JmhResults.Probe probe;
        try {
            probe = probe(pc);
        } catch (DeviceUnavailableException e) {
            return JmhResults.failed(pc, null, ConfigurationStatus.SKIPPED, "skipped: " + e.getMessage(), settings);
        } catch (UnsupportedModelException e) {
            return JmhResults.failed(pc, null, ConfigurationStatus.SKIPPED,
                    "not supported by this backend: " + e.getMessage(), settings);
        } catch (Exception | Error e) {
            return JmhResults.failed(pc, null, ConfigurationStatus.FAILED, describe(e), settings);
        }
        Collection<org.openjdk.jmh.results.RunResult> runs;
        try {
            // JMH closes its output at the end of a run; the console must outlive it.
            PrintStream jmhOut = new PrintStream(new FilterOutputStream(console) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, true, StandardCharsets.UTF_8);
            runs = new Runner(options(scenario, pc), OutputFormatFactory.createFormatInstance(jmhOut, verbosity)).run();
        } catch (RunnerException | RuntimeException e) {
            return JmhResults.failed(pc, probe, ConfigurationStatus.FAILED, "JMH: " + describe(rootCause(e)),
                    settings);
        }
        return JmhResults.toConfiguration(pc, probe, runs, settings);
    }

    /** Opens the configuration in this JVM and makes one call: its reasons beat a fork's stack trace. */
    private JmhResults.Probe probe(PreparedConfiguration pc) throws Exception {
        try (CallFixture f = CallFixture.open(pc, backends)) {
            f.runner().run(f.prepared()[0]);
            return new JmhResults.Probe(f.loadTimeMs(), new SessionInfo(ConfigurationResults.tensors(f.plan().specs()),
                    ConfigurationResults.tensors(f.session().outputs()), f.session().properties()));
        }
    }

    Options options(Scenario scenario, PreparedConfiguration pc) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(BENCHMARK) + "$")
                .param("scenarioFile", scenario.file().toAbsolutePath().normalize().toString())
                .param("configId", pc.spec().id())
                .mode(Mode.AverageTime)
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .threads(1)
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.measurementTime().toMillis()))
                .shouldFailOnError(true)
                .verbosity(verbosity)
                .build();
    }

    private static String summary(ConfigurationResult r) {
        if (r.status() != ConfigurationStatus.OK) {
            return r.status() + " — " + r.outcome().reason();
        }
        var l = r.measurement().latency();
        return String.format("%.4f ms/call, 95%% CI [%.4f, %.4f]%s, %d calls — %s", l.meanMs(), l.meanCi95Ms().low(),
                l.meanCi95Ms().high(), Double.isNaN(l.valueMs(50)) ? "" : String.format(", p50 %.4f ms, p99 %.4f ms",
                        l.valueMs(50), l.valueMs(99)), l.count(), r.verdict().label());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable next = t.getCause() != null && t.getCause() != t ? t.getCause()
                    : t.getSuppressed().length > 0 ? t.getSuppressed()[0] : null;
            if (next == null) {
                return t;
            }
            t = next;
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof io.inferbench.api.BackendException && m != null) {
            return m;
        }
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** The environment, with the versions of the backends measured and of JMH. */
    private EnvironmentInfo environment(List<PreparedConfiguration> configurations) {
        Map<String, String> versions = new LinkedHashMap<>();
        configurations.stream().map(c -> backends.get(c.spec().backend().name())).distinct().forEach(b -> {
            var info = b.info();
            versions.put(b.name(), info.version());
            versions.putAll(info.libraryVersions());
        });
        versions.put("jmh", Version.getPlainVersion());
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
