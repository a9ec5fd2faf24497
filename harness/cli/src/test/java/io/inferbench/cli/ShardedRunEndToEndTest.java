package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.run.ForkJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "done when": three shards of a six-configuration synthetic scenario, run as separate
 * processes at the same time and merged, give one result with exactly the six configurations and
 * the shards' query counts, a report, and a gate verdict; bad merges are refused with a reason.
 */
class ShardedRunEndToEndTest {
    private static final String SCENARIO = """
            name: sharded
            backend: { name: synthetic, options: { distribution: fixed, latency-ms: 1 } }
            run: { warmup: 100ms, min-duration: 400ms, min-queries: 50, forks: 0 }
            matrix:
              latency:
                set: backend.options.latency-ms
                values: [1, 1.5, 2, 2.5, 3, 3.5]
            """;

    @TempDir
    static Path dir;
    static List<Path> shards = new ArrayList<>();

    @BeforeAll
    static void threeShardsInThreeProcesses() throws Exception {
        Path scenario = dir.resolve("sharded.yaml");
        Files.writeString(scenario, SCENARIO);
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<String> cmd = ForkJvm.current().command(List.of(), Main.class.getName(), "run", scenario.toString(),
                    "--shard", i + "/3", "--out", dir.resolve("shards").toString(), "--no-report");
            processes.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("shard" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "shard " + (i + 1) + " hung");
            assertEquals(0, processes.get(i).exitValue(), () -> log(dir.resolve("shard1.log")));
        }
        try (Stream<Path> s = Files.list(dir.resolve("shards"))) {
            // In shard order (folder names sort by start second first).
            shards.addAll(s.sorted(java.util.Comparator.comparingInt(ShardedRunEndToEndTest::shardIndex)).toList());
        }
        assertEquals(3, shards.size(), shards::toString);
    }

    private static int shardIndex(Path runFolder) {
        try {
            return ResultJson.read(runFolder.resolve("result.json")).shard().index();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String log(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String[] merge(String... extra) {
        List<String> args = new ArrayList<>(List.of("merge"));
        shards.forEach(s -> args.add(s.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void validateListsWhatEachShardRuns() {
        CliRun r = CliRun.of("validate", dir.resolve("sharded.yaml").toString(), "--shard", "2/3");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("shard 2/3 runs 2 of them:"), r::toString);
        assertTrue(r.out().contains("c02") && r.out().contains("c05") && !r.out().contains("c01 "), r::toString);
    }

    @Test
    void theMergeHoldsExactlyTheSixConfigurationsWithTheShardsCountsAReportAndAGateVerdict() throws Exception {
        Map<String, Long> shardQueries = new TreeMap<>();
        for (Path s : shards) {
            RunResult shard = ResultJson.read(s.resolve("result.json"));
            assertEquals(3, shard.shard().count());
            assertEquals(2, shard.configurations().size());
            assertTrue(s.getFileName().toString().endsWith("-shard" + shard.shard().index() + "of3"), s::toString);
            shard.configurations().forEach(c -> shardQueries.put(c.id(), c.measurement().queries()));
        }
        Path out = dir.resolve("merged");
        CliRun r = CliRun.of(merge("--out", out.toString()));
        assertEquals(0, r.exitCode(), r::toString);
        Path run;
        try (Stream<Path> s = Files.list(out)) {
            run = s.findFirst().orElseThrow();
        }
        RunResult merged = ResultJson.read(run.resolve("result.json"));
        assertEquals(List.of("c01", "c02", "c03", "c04", "c05", "c06"),
                merged.configurations().stream().map(ConfigurationResult::id).toList());
        Map<String, Long> mergedQueries = new TreeMap<>();
        merged.configurations().forEach(c -> mergedQueries.put(c.id(), c.measurement().queries()));
        assertEquals(shardQueries, mergedQueries);
        assertEquals(3, merged.merge().sources().size());
        assertEquals(5, merged.summary().comparisons().size(), "every configuration against the first, after the merge");
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Merged from") && report.contains("(shards of 3)"), "the report names its shards");
        assertTrue(report.contains("c01, c02, c03, c04, c05, c06"), "one machine measured all six");

        CliRun gate = CliRun.of("gate", run.toString(), "--baseline", shards.get(0).toString());
        assertEquals(0, gate.exitCode(), gate::toString);
        assertTrue(gate.out().contains("PASSED"), gate::toString);
    }

    @Test
    void aMissingShardIsRefusedUnlessPartialIsAllowed() throws Exception {
        CliRun refused = CliRun.of("merge", shards.get(0).toString(), shards.get(2).toString(), "--out",
                dir.resolve("partial").toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("shard 2/3 missing (configuration 2 of 6, configuration 5 of 6"),
                refused::toString);
        CliRun partial = CliRun.of("merge", shards.get(0).toString(), shards.get(2).toString(), "--out",
                dir.resolve("partial").toString(), "--allow-partial", "--no-report");
        assertEquals(0, partial.exitCode(), partial::toString);
        assertTrue(partial.out().contains("partial: shard 2/3 missing"), partial::toString);
    }

    @Test
    void aShardGivenTwiceIsRefused() {
        CliRun r = CliRun.of("merge", shards.get(0).toString(), shards.get(0).toString(), shards.get(1).toString(),
                shards.get(2).toString(), "--out", dir.resolve("twice").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("given twice"), r::toString);
    }

    @Test
    void shardsOfAnotherScenarioTextAreRefused() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper()
                .readTree(shards.get(1).resolve("result.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("scenario")).put("sha256", "0123456789abcdef");
        Path other = dir.resolve("other-scenario");
        Files.createDirectories(other);
        ResultJson.mapper().writeValue(other.resolve("result.json").toFile(), tree);
        CliRun r = CliRun.of("merge", shards.get(0).toString(), other.toString(), shards.get(2).toString(), "--out",
                dir.resolve("mixed").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("different scenarios"), r::toString);
    }

    @Test
    void aBadShardOptionIsBadInput() {
        CliRun r = CliRun.of("run", dir.resolve("sharded.yaml").toString(), "--shard", "4/3");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("expected I/N with 1 <= I <= N"), r::toString);
    }
}
