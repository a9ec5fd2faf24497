package io.inferbench.result;

import java.util.List;
import java.util.Objects;

/**
 * The part of a scenario one run measured when the scenario was spread over machines
 * ({@code inferbench run --shard I/N}): configuration k of the expansion order (1-based) belongs to
 * shard ((k − 1) mod N) + 1, so every shard gets a share of every stretch of the matrix.
 *
 * @param index          this shard, 1 to {@code count}
 * @param count          how many shards the scenario was split into
 * @param scenarioSha256 the scenario text's hash: shards merge only when theirs agree
 * @param fingerprint    the machine fingerprint's id the shard ran on
 * @param configurations the ids of the configurations this shard ran, in expansion order
 * @param total          the scenario's number of configurations
 */
public record ShardInfo(int index, int count, String scenarioSha256, String fingerprint, List<String> configurations,
                        int total) {
    public ShardInfo {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected 1 <= I <= N");
        }
        Objects.requireNonNull(scenarioSha256, "scenarioSha256");
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /** Whether the configuration at 1-based {@code position} of the expansion order belongs to shard {@code index}/{@code count}. */
    public static boolean owns(int index, int count, int position) {
        return (position - 1) % count + 1 == index;
    }

    /** {@code 2/3}. */
    public String label() {
        return index + "/" + count;
    }
}
