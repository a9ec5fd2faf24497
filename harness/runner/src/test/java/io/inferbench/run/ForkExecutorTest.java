package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.Phase;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ForkVariation;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration repeated in two fresh JVMs through {@link io.inferbench.run.BenchmarkRunner}. */
class ForkExecutorTest {
    @TempDir
    Path dir;

    /** Records what the children relayed. */
    static final class Recording implements RunListener {
        final List<String> steps = new CopyOnWriteArrayList<>();
        final List<Progress> progress = new CopyOnWriteArrayList<>();

        @Override
        public void step(String what) {
            steps.add(what);
        }

        @Override
        public void onProgress(Progress p) {
            progress.add(p);
        }
    }

    @Test
    void twoForksAreMergedAndTheirVariationKept() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                name: forked
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 2, warmup: 5, min-duration: 300ms, min-queries: 20 }
                """);
        Recording listener = new Recording();
        Path runDir = dir.resolve("run");
        RunResult run = ForkRuns.run(ForkRuns.runner(dir), s, runDir, listener);

        ConfigurationResult c = run.configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        // The verdict: every fork's reasons, each with its fork (VALID only if every fork is).
        List<String> expected = new java.util.ArrayList<>();
        for (int fork = 1; fork <= 2; fork++) {
            ConfigurationResult own = ResultJson.mapper().readValue(
                    runDir.resolve("forks/c01-fork" + fork + ".result.json").toFile(), ConfigurationResult.class);
            for (String reason : own.verdict().reasons()) {
                expected.add("fork " + fork + ": " + reason);
            }
        }
        assertEquals(expected, c.verdict().reasons());
        assertEquals(expected.isEmpty(), c.verdict().valid());
        assertEquals(2, c.phases().forks().size());
        PhaseResult f1 = c.phases().forks().get(0);
        PhaseResult f2 = c.phases().forks().get(1);
        PhaseResult m = c.measurement();
        assertEquals(f1.queries() + f2.queries(), m.queries());
        assertEquals(f1.latency().count() + f2.latency().count(), m.latency().count());
        assertEquals(f1.durationMs() + f2.durationMs(), m.durationMs(), 1e-6);
        assertEquals(m.queries() / (m.durationMs() / 1000), m.throughputQps(), 1e-6);
        assertTrue(f1.queries() >= 20 && f2.queries() >= 20, "each fork met min-queries");
        assertEquals(f1.timeline(), m.timeline(), "the merged phase shows the first fork's timeline");

        ForkVariation v = c.phases().variation();
        assertNotNull(v);
        assertEquals(2, v.forks());
        assertEquals("p50 latency", v.metric());
        double meanP50 = (f1.latency().valueMs(50) + f2.latency().valueMs(50)) / 2;
        assertEquals(meanP50, v.meanAcrossForksMs(), 1e-9);
        assertTrue(v.meanAcrossForksMs() > 0.9 && v.meanAcrossForksMs() < 3, "p50 near the backend's 1 ms: " + v);
        assertTrue(v.ci95AcrossForksMs().low() <= meanP50 && meanP50 <= v.ci95AcrossForksMs().high(), v.toString());
        // The median of a fixed 1 ms latency hardly moves between JVMs; the mean and throughput move
        // more (a fresh JVM's first queries are slow), so their bounds are loose: finite and plausible.
        assertTrue(v.betweenForkCvPercent() >= 0 && v.betweenForkCvPercent() < 20, v.toString());
        assertTrue(v.withinForkCvPercent() > 0 && v.withinForkCvPercent() < 500, v.toString());
        assertTrue(v.throughputBetweenForkCvPercent() >= 0 && v.throughputBetweenForkCvPercent() < 100, v.toString());

        // Each fork ran in a JVM of its own: the pid each child logged is not ours, nor the other's.
        long pid1 = childPid(runDir.resolve("logs/c01-fork1.stderr.log"));
        long pid2 = childPid(runDir.resolve("logs/c01-fork2.stderr.log"));
        assertNotEquals(ProcessHandle.current().pid(), pid1);
        assertNotEquals(pid1, pid2);
        assertTrue(Files.exists(runDir.resolve("forks/c01-fork2.result.json")));

        // The children's progress reached the parent's listener.
        assertTrue(listener.steps.contains("fork 1/2: loading model"), listener.steps.toString());
        assertTrue(listener.steps.contains("fork 2/2: loading model"), listener.steps.toString());
        assertTrue(listener.progress.stream().anyMatch(p -> p.phase() == Phase.MEASUREMENT && p.queries() > 0),
                listener.progress.toString());
    }

    @Test
    void inProcessRunsOnceWithoutForking() throws Exception {
        Scenario s = ForkRuns.scenario(dir, """
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { forks: 2, warmup: 5, min-duration: 200ms, min-queries: 20 }
                """);
        Path runDir = dir.resolve("run");
        ConfigurationResult c = ForkRuns.run(ForkRuns.runner(dir).inProcess(true), s, runDir, RunListener.NONE)
                .configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        assertTrue(c.phases().forks().isEmpty());
        assertNull(c.phases().variation());
        assertTrue(Files.notExists(runDir.resolve("logs")), "no child JVM was started");
    }

    /** The pid on the first line a child writes: {@code inferbench fork: pid 1234, java ...}. */
    static long childPid(Path stderrLog) throws Exception {
        String first = Files.readAllLines(stderrLog).get(0);
        assertTrue(first.startsWith("inferbench fork: pid "), first);
        return Long.parseLong(first.replaceFirst("inferbench fork: pid (\\d+),.*", "$1"));
    }
}
