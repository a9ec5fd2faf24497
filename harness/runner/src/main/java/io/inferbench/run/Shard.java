package io.inferbench.run;

import io.inferbench.result.ShardInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * One of N parts of a scenario's configurations, for spreading a matrix over machines: configuration
 * k of the expansion order (1-based) belongs to shard ((k − 1) mod N) + 1. Round robin rather than
 * blocks, so that each shard gets a share of every stretch of the matrix (the slow large-batch end as
 * much as the fast one) and shards take about as long as each other. Stable: the same scenario text
 * always gives the same parts.
 *
 * @param index this part, 1 to {@code count}
 * @param count how many parts
 */
public record Shard(int index, int count) {
    /** A bound well above any CI matrix or Indexed Job, well below a typo like 30000. */
    public static final int MAX_COUNT = 1000;

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected I/N with 1 <= I <= N <= "
                    + MAX_COUNT);
        }
    }

    /** {@code 2/3}; the message names the expected form. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard " + text + ": expected I/N, e.g. 2/3 (shards are numbered from 1)");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + text + ": expected I/N, e.g. 2/3 (shards are numbered from 1)");
        }
    }

    /** The elements of {@code all} (in expansion order) that belong to this shard. */
    public <T> List<T> select(List<T> all) {
        List<T> out = new ArrayList<>();
        for (int k = 1; k <= all.size(); k++) {
            if (ShardInfo.owns(index, count, k)) {
                out.add(all.get(k - 1));
            }
        }
        return out;
    }

    /** The run-id suffix that keeps shards started in the same second apart: {@code -shard2of3}. */
    public String runIdSuffix() {
        return "-shard" + index + "of" + count;
    }

    public String label() {
        return index + "/" + count;
    }
}
