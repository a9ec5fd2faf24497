package io.inferbench.run;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.ResultJson;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.Durations;
import io.inferbench.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a configuration {@code run.forks} times, each time in a fresh JVM ({@link ForkMain}), one
 * fork after another — never in parallel, they would disturb each other's measurement — and
 * merges the forks into one result ({@link ForkResults#merge}).
 *
 * <p>{@code run.timeout} bounds the whole configuration, all forks together; a child still running
 * then is killed with its descendants. A fork that crashes, hangs, runs out of memory or writes no
 * readable result fails the configuration with the reason and the tail of its stderr; the forks
 * that finished before it keep their measurements, the later ones are not run.
 *
 * <p>Files, under the run folder: {@code forks/<id>-fork<N>.request.json} and {@code .result.json}
 * (the child's own result), {@code logs/<id>-fork<N>.stderr.log} (all the child wrote on stderr)
 * and, after a JVM crash, {@code logs/<id>-fork<N>.hs_err.log}.
 */
public final class ForkExecutor implements ConfigurationExecutor {
    private final Scenario scenario;
    private final Path runDir;
    private final Duration interval;
    private final ForkJvm.Factory jvms;
    private final Path outputsDir;
    private final Path traceDir;

    /** What a child produced: its result, or why there is none. */
    private record Attempt(ConfigurationResult result, String failure) {
    }

    /**
     * @param scenario the scenario the configurations come from; children parse its source text, with
     *                 relative paths resolved against the folder of its file
     * @param runDir   the run's folder, for the forks' requests, results and logs
     * @param interval timeline interval of the measurement
     * @param jvms     the JVM of each configuration's children
     */
    public ForkExecutor(Scenario scenario, Path runDir, Duration interval, ForkJvm.Factory jvms) {
        this(scenario, runDir, interval, jvms, null, null);
    }

    private ForkExecutor(Scenario scenario, Path runDir, Duration interval, ForkJvm.Factory jvms, Path outputsDir,
                         Path traceDir) {
        this.scenario = scenario;
        this.runDir = runDir;
        this.interval = interval;
        this.jvms = jvms;
        this.outputsDir = outputsDir;
        this.traceDir = traceDir;
    }

    /** This executor, with each configuration's children capturing its outputs in {@code dir} (null: none). */
    public ForkExecutor withOutputCapture(Path dir) {
        return new ForkExecutor(scenario, runDir, interval, jvms, dir, traceDir);
    }

    /** This executor, with children of configurations with {@code run.trace} writing their traces to {@code dir}. */
    public ForkExecutor withTrace(Path dir) {
        return new ForkExecutor(scenario, runDir, interval, jvms, outputsDir, dir);
    }

    @Override
    public ConfigurationResult execute(PreparedConfiguration pc, RunListener listener) throws InterruptedException {
        ConfigurationSpec c = pc.spec();
        int n = Math.max(1, c.run().forks());
        Duration timeout = c.run().timeout();
        Instant deadline = Instant.now().plus(timeout);
        ForkJvm jvm;
        try {
            jvm = jvms.forConfiguration(c);
        } catch (ForkJvm.PinningUnavailableException e) {
            return ForkResults.failed(pc, ConfigurationStatus.FAILED, e.getMessage(), List.of());
        }
        List<ConfigurationResult> done = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String who = "fork " + i + " of " + n + ": ";
            if (!Instant.now().isBefore(deadline)) {
                return ForkResults.failed(pc, ConfigurationStatus.FAILED, who + "not started: run.timeout ("
                        + Durations.format(timeout) + ") reached", measurements(done));
            }
            listener.step("fork " + i + "/" + n + ": starting a JVM");
            Attempt a = attempt(pc, jvm, i, n, deadline, listener);
            if (a.failure() != null) {
                return ForkResults.failed(pc, ConfigurationStatus.FAILED, who + a.failure(), measurements(done));
            }
            ConfigurationResult r = a.result();
            if (r.status() != ConfigurationStatus.OK || r.measurement() == null) {
                // Failed or skipped inside the child: with one fork, that result is the answer as it is.
                if (n == 1) {
                    return r;
                }
                ConfigurationStatus status = r.status() == ConfigurationStatus.SKIPPED && done.isEmpty()
                        ? ConfigurationStatus.SKIPPED : ConfigurationStatus.FAILED;
                String why = r.outcome() != null && r.outcome().reason() != null ? r.outcome().reason()
                        : "no measurement";
                return ForkResults.failed(pc, status, who + why, measurements(done));
            }
            done.add(r);
        }
        return ForkResults.merge(done);
    }

    private Attempt attempt(PreparedConfiguration pc, ForkJvm jvm, int fork, int forks, Instant deadline,
                            RunListener listener) throws InterruptedException {
        ConfigurationSpec c = pc.spec();
        String name = c.id() + "-fork" + fork;
        Path requestFile = runDir.resolve("forks").resolve(name + ".request.json");
        Path resultFile = runDir.resolve("forks").resolve(name + ".result.json");
        String stepPrefix = "fork " + fork + "/" + forks + ": ";
        ForkProcess.Outcome o;
        try {
            Files.deleteIfExists(resultFile);
            new ForkRequest(scenario.file().toString(), scenario.file().toAbsolutePath().getParent(),
                    scenario.source(), c.id(), c.label(), fork, forks, resultFile.toAbsolutePath(), interval, true,
                    pc.conversion() == null ? null : new ForkRequest.ConvertedModel(pc.model().path().toAbsolutePath(),
                            pc.loadFormat(), pc.model().sizeBytes(), pc.conversion()), outputsDir, optimized(pc),
                    traceDir)
                    .write(requestFile);
            o = ForkProcess.run(jvm, requestFile, runDir.resolve("logs").resolve(name), deadline,
                    e -> e.deliverTo(listener, stepPrefix));
        } catch (IOException e) {
            return new Attempt(null, "could not start the fork: " + e.getMessage());
        }
        if (o.exitCode() != 0 || o.timedOut() || o.startError() != null) {
            return new Attempt(null, ForkFailure.describe("", o, c.run().timeout()));
        }
        if (!Files.exists(resultFile)) {
            return new Attempt(null, "exited with status 0 but wrote no result to " + resultFile
                    + ForkFailure.stderrSection(o.log()));
        }
        try {
            ConfigurationResult r = ResultJson.mapper().readValue(resultFile.toFile(), ConfigurationResult.class);
            if (!c.id().equals(r.id()) || !c.label().equals(r.label()) || r.status() == null) {
                return new Attempt(null, "wrote a result for another configuration (" + r.id() + " '" + r.label()
                        + "') to " + resultFile);
            }
            return new Attempt(r, null);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return new Attempt(null, "wrote a result that cannot be read (" + why + "): " + resultFile
                    + ForkFailure.stderrSection(o.log()));
        }
    }

    private static List<PhaseResult> measurements(List<ConfigurationResult> forks) {
        return forks.stream().map(ConfigurationResult::measurement).toList();
    }

    /** The optimized model the child loads (or converts no further: a conversion's product is passed instead). */
    private static ForkRequest.OptimizedModel optimized(PreparedConfiguration pc) {
        if (pc.optimizations().isEmpty() || pc.conversion() != null) {
            return pc.optimizations().isEmpty() ? null : new ForkRequest.OptimizedModel(null, 0, "",
                    pc.optimizations());
        }
        return new ForkRequest.OptimizedModel(pc.model().path().toAbsolutePath(), pc.model().sizeBytes(),
                pc.model().sha256(), pc.optimizations());
    }
}
