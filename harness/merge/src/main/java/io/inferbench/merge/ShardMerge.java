package io.inferbench.merge;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.MergeInfo;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ShardInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One result from runs of one scenario on several machines: the shards' configurations unioned (as
 * if one machine had run them all), or, with {@code repeatsAsForks}, repeated runs of a configuration
 * merged as its forks (histograms added: percentiles over every query). Refuses what would not be one
 * honest result: other scenario texts, shards of different splits, a shard given twice, missing
 * shards unless allowed. The summary (comparisons, recommendation, accuracy drops) is left to be
 * computed after the merge, over all configurations, as for one run.
 */
public final class ShardMerge {
    /**
     * @param allowPartial   merge even when shards are missing, and say which
     * @param repeatsAsForks merge a configuration measured by several inputs as its forks (same machine
     *                       fingerprint), or keep each machine's figures apart (other fingerprints)
     */
    public record Options(boolean allowPartial, boolean repeatsAsForks) {
        public static final Options STRICT = new Options(false, false);
    }

    /**
     * @param result the merged result, its summary not yet computed
     * @param notes  what the reader should know (missing shards, machines kept apart)
     */
    public record Merged(RunResult result, List<String> notes) {
        public Merged {
            notes = List.copyOf(notes);
        }
    }

    private ShardMerge() {
    }

    public static Merged merge(List<MergeInput> inputs, Options options) throws MergeException {
        if (inputs.isEmpty()) {
            throw new MergeException("nothing to merge: give the shards' run folders");
        }
        sameScenario(inputs);
        int count = sameSplit(inputs);
        Map<Integer, List<MergeInput>> byShard = new TreeMap<>();
        for (MergeInput in : inputs) {
            byShard.computeIfAbsent(in.shard().index(), k -> new ArrayList<>()).add(in);
        }
        List<String> notes = new ArrayList<>();
        repeats(byShard, options);
        List<String> missing = missing(byShard, count, inputs.get(0).shard().total(), options, notes);
        Map<String, List<Measured>> byConfiguration = byConfiguration(inputs, options);
        List<ConfigurationResult> configurations = new ArrayList<>();
        Map<String, String> machineOf = new LinkedHashMap<>();
        Map<String, EnvironmentInfo> environments = new LinkedHashMap<>();
        for (List<Measured> measured : byConfiguration.values()) {
            for (Measured m : Forks.combine(measured, notes)) {
                configurations.add(m.configuration());
                machineOf.put(m.configuration().id(), m.fingerprint().id());
                environments.putIfAbsent(m.fingerprint().id(), m.input().run().environment());
            }
        }
        RunResult first = inputs.get(0).run();
        MergeInfo info = new MergeInfo(inputs.stream().map(i -> i.run().runId()).toList(), count, missing,
                machineOf, environments.size() > 1 ? environments : Map.of());
        if (info.manyMachines()) {
            notes.add("measured on " + environments.size() + " machines: each configuration's machine is recorded "
                    + "(merge.machineOf); compare figures across machines with care");
        }
        RunResult merged = new RunResult(RunResult.SCHEMA, mergedRunId(first.runId()), earliest(inputs),
                latest(inputs), first.scenario(), first.environment(), configurations, RunSummary.NONE, null, info);
        return new Merged(merged, notes);
    }

    private static void sameScenario(List<MergeInput> inputs) throws MergeException {
        MergeInput first = inputs.get(0);
        for (MergeInput in : inputs) {
            if (!in.scenarioSha().equals(first.scenarioSha())) {
                throw new MergeException("different scenarios: " + first.describe() + " ran scenario text "
                        + abbreviated(first.scenarioSha()) + ", " + in.describe() + " ran "
                        + abbreviated(in.scenarioSha()) + "; shards merge only when they ran the same scenario text");
            }
        }
    }

    /** The shard count every input agrees on. */
    private static int sameSplit(List<MergeInput> inputs) throws MergeException {
        MergeInput first = inputs.get(0);
        for (MergeInput in : inputs) {
            if (in.shard().count() != first.shard().count()) {
                throw new MergeException("different splits: " + first.describe() + " is one of "
                        + first.shard().count() + " shard(s), " + in.describe() + " one of " + in.shard().count());
            }
        }
        return first.shard().count();
    }

    private static void repeats(Map<Integer, List<MergeInput>> byShard, Options options) throws MergeException {
        for (var e : byShard.entrySet()) {
            if (e.getValue().size() > 1 && !options.repeatsAsForks()) {
                throw new MergeException((e.getValue().get(0).run().shard() == null ? "the same scenario"
                        : "shard " + e.getKey() + "/" + e.getValue().get(0).shard().count()) + " given twice: "
                        + e.getValue().get(0).where() + " and " + e.getValue().get(1).where() + " (each configuration "
                        + "would be there twice; pass --repeats-as-forks to merge repeated runs as forks)");
            }
        }
    }

    /** Positions of the configurations of missing shards; refused unless partial merges are allowed. */
    private static List<String> missing(Map<Integer, List<MergeInput>> byShard, int count, int total,
                                        Options options, List<String> notes) throws MergeException {
        List<Integer> absent = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byShard.containsKey(i)) {
                absent.add(i);
            }
        }
        if (absent.isEmpty()) {
            return List.of();
        }
        List<String> positions = new ArrayList<>();
        for (int k = 1; k <= total; k++) {
            for (int i : absent) {
                if (ShardInfo.owns(i, count, k)) {
                    positions.add("configuration " + k + " of " + total);
                }
            }
        }
        String which = "shard" + (absent.size() == 1 ? " " : "s ") + String.join(", ", absent.stream()
                .map(i -> i + "/" + count).toList());
        if (!options.allowPartial()) {
            throw new MergeException(which + " missing (" + String.join(", ", positions) + " in expansion order); "
                    + "pass --allow-partial to merge what is there");
        }
        notes.add("partial: " + which + " missing (" + String.join(", ", positions) + " in expansion order)");
        return positions;
    }

    /** Every input's configurations by id, in expansion order. */
    private static Map<String, List<Measured>> byConfiguration(List<MergeInput> inputs, Options options)
            throws MergeException {
        Map<String, List<Measured>> out = new TreeMap<>(Comparator.comparing(ShardMerge::position)
                .thenComparing(Comparator.naturalOrder()));
        for (MergeInput in : inputs) {
            MachineFingerprint fp = MachineFingerprint.of(in.run());
            for (ConfigurationResult c : in.run().configurations()) {
                List<Measured> seen = out.computeIfAbsent(c.id(), k -> new ArrayList<>());
                if (!seen.isEmpty() && !seen.get(0).configuration().label().equals(c.label())) {
                    throw new MergeException("configuration " + c.id() + " is '" + seen.get(0).configuration().label()
                            + "' in " + seen.get(0).input().describe() + " but '" + c.label() + "' in "
                            + in.describe());
                }
                if (!seen.isEmpty() && !options.repeatsAsForks()) {
                    throw new MergeException("configuration " + c.id() + " (" + c.label() + ") is in both "
                            + seen.get(0).input().describe() + " and " + in.describe());
                }
                seen.add(new Measured(in, c, fp));
            }
        }
        return out;
    }

    /** The number in a configuration id ({@code c12} → 12); ids without one sort last. */
    static long position(String id) {
        String digits = id.replaceAll("^.*?(\\d+)$", "$1");
        return digits.equals(id) && !id.matches("\\d+") ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    static String mergedRunId(String shardRunId) {
        return shardRunId.replaceAll("-shard\\d+of\\d+$", "") + "-merged";
    }

    private static Instant earliest(List<MergeInput> inputs) {
        return inputs.stream().map(i -> i.run().startedAt()).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The last shard's end; null while any shard has not finished. */
    private static Instant latest(List<MergeInput> inputs) {
        if (inputs.stream().anyMatch(i -> i.run().finishedAt() == null)) {
            return null;
        }
        return inputs.stream().map(i -> i.run().finishedAt()).max(Comparator.naturalOrder()).orElse(null);
    }

    private static String abbreviated(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
