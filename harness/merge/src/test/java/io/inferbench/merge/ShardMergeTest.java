package io.inferbench.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.HistogramCodec;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.ShardInfo;
import io.inferbench.result.Verdict;
import io.inferbench.stats.LatencyStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ShardMergeTest {
    private static EnvironmentInfo machine(String cpu) {
        return new EnvironmentInfo("h", cpu, List.of(), 2, 24L << 30, "Debian 12", "6.1", "amd64", "JDK 17",
                List.of(), Map.of(), null, "t", List.of());
    }

    private static Histogram latencies(long seed, double medianMs, int n) {
        Histogram h = HistogramCodec.newHistogram();
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.round(medianMs * 1e6 * Math.exp(0.2 * r.nextGaussian())));
        }
        return h;
    }

    private static ConfigurationResult configuration(String id, Histogram h) {
        PhaseResult m = new PhaseResult(h.getTotalCount(), h.getTotalCount(), 0, null, 1000, h.getTotalCount(), null,
                h.getTotalCount(), LatencyStatistics.summarize(h), HistogramCodec.encode(h), List.of());
        ConfigurationSetup setup = new ConfigurationSetup(id, "latency=" + id, Map.of(), "synthetic", "cpu",
                "single-stream", null, null, null, Map.of());
        return new ConfigurationResult(setup, null, new ConfigurationOutcome.Ok(Verdict.of(List.of())),
                PhasesResult.once(null, m, null), null, List.of());
    }

    private static RunResult shard(int index, int count, String sha, EnvironmentInfo env, List<ConfigurationResult> cs) {
        ScenarioRecord s = new ScenarioRecord("s.yaml", "s", "", sha, "name: s");
        return new RunResult(RunResult.SCHEMA, "20261204-020000-s-shard" + index + "of" + count,
                Instant.parse("2026-12-04T02:00:00Z").plusSeconds(index), Instant.parse("2026-12-04T03:00:00Z"), s,
                env, cs, RunSummary.NONE, new ShardInfo(index, count, sha, "fp", cs.stream().map(c -> c.id()).toList(),
                4), null);
    }

    @Test
    void shardsUnionInExpansionOrderUnderOneRunId() throws MergeException {
        var a = shard(1, 2, "x", machine("Xeon"), List.of(configuration("c01", latencies(1, 2, 100)),
                configuration("c03", latencies(3, 2, 100))));
        var b = shard(2, 2, "x", machine("Xeon"), List.of(configuration("c02", latencies(2, 2, 100)),
                configuration("c04", latencies(4, 2, 100))));
        var merged = ShardMerge.merge(List.of(new MergeInput("b", b), new MergeInput("a", a)),
                ShardMerge.Options.STRICT).result();
        assertEquals(List.of("c01", "c02", "c03", "c04"), merged.configurations().stream().map(c -> c.id()).toList());
        assertEquals("20261204-020000-s-merged", merged.runId());
        assertEquals(Instant.parse("2026-12-04T02:00:01Z"), merged.startedAt());
        assertEquals(2, merged.merge().shards());
        assertTrue(!merged.merge().manyMachines());
    }

    @Test
    void repeatedRunsOnOneMachineMergeAsForksExactly() throws MergeException {
        Histogram h1 = latencies(1, 2, 5000);
        Histogram h2 = latencies(2, 3, 7000);
        var a = shard(1, 1, "x", machine("Xeon"), List.of(configuration("c01", h1)));
        var b = shard(1, 1, "x", machine("Xeon"), List.of(configuration("c01", h2)));
        assertThrows(MergeException.class, () -> ShardMerge.merge(List.of(new MergeInput("a", a),
                new MergeInput("b", b)), ShardMerge.Options.STRICT));
        var merged = ShardMerge.merge(List.of(new MergeInput("a", a), new MergeInput("b", b)),
                new ShardMerge.Options(false, true)).result();
        ConfigurationResult c = merged.configurations().get(0);
        Histogram both = h1.copy();
        both.add(h2);
        assertEquals(12_000, c.measurement().queries());
        assertEquals(2, c.phases().forks().size());
        assertEquals(LatencyStatistics.summarize(both).valueMs(99), c.measurement().latency().valueMs(99), 1e-9);
        assertEquals(both.getTotalCount(), HistogramCodec.decode(c.measurement().histogram()).getTotalCount());
    }

    @Test
    void repeatedRunsOnTwoMachinesStayApartLabelledWithTheirMachine() throws MergeException {
        var a = shard(1, 1, "x", machine("Xeon"), List.of(configuration("c01", latencies(1, 2, 100))));
        var b = shard(1, 1, "x", machine("EPYC"), List.of(configuration("c01", latencies(2, 2, 100))));
        var m = ShardMerge.merge(List.of(new MergeInput("a", a), new MergeInput("b", b)),
                new ShardMerge.Options(false, true));
        assertEquals(2, m.result().configurations().size());
        assertTrue(m.result().configurations().get(0).label().startsWith("latency=c01 @ "));
        assertTrue(m.result().merge().manyMachines());
        assertEquals(2, m.result().merge().environments().size());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("kept apart")), m.notes().toString());
    }

    @Test
    void differentSplitsAreRefused() {
        var a = shard(1, 2, "x", machine("Xeon"), List.of(configuration("c01", latencies(1, 2, 100))));
        var b = shard(2, 3, "x", machine("Xeon"), List.of(configuration("c02", latencies(1, 2, 100))));
        var e = assertThrows(MergeException.class, () -> ShardMerge.merge(List.of(new MergeInput("a", a),
                new MergeInput("b", b)), ShardMerge.Options.STRICT));
        assertTrue(e.getMessage().startsWith("different splits"), e.getMessage());
    }

    @Test
    void positionsSortNumerically() {
        List<String> ids = new ArrayList<>(List.of("c10", "c2", "c1"));
        ids.sort(java.util.Comparator.comparingLong(ShardMerge::position));
        assertEquals(List.of("c1", "c2", "c10"), ids);
    }
}
