package io.inferbench.result;

import java.util.List;
import java.util.Map;

/**
 * How a merged result came to be ({@code inferbench merge}).
 *
 * @param sources      the merged runs' ids, in the order given
 * @param shards       how many shards the scenario was split into (1 for unsharded runs)
 * @param missing      configuration ids of shards that were not given ({@code --allow-partial}); else empty
 * @param machineOf    configuration id to the fingerprint id of the machine that measured it
 * @param environments each machine's environment, by fingerprint id, when the shards ran on more than one
 *                     (the run's {@code environment} is the first shard's)
 */
public record MergeInfo(List<String> sources, int shards, List<String> missing, Map<String, String> machineOf,
                        Map<String, EnvironmentInfo> environments) {
    public MergeInfo {
        sources = List.copyOf(sources);
        missing = missing == null ? List.of() : List.copyOf(missing);
        machineOf = Ordered.copy(machineOf);
        environments = Ordered.copy(environments);
    }

    /** True when the configurations were measured on more than one machine. */
    public boolean manyMachines() {
        return machineOf.values().stream().distinct().count() > 1;
    }
}
