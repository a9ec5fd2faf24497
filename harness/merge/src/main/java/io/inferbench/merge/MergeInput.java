package io.inferbench.merge;

import io.inferbench.result.RunResult;
import io.inferbench.result.ShardInfo;
import java.util.List;
import java.util.Objects;

/**
 * One run given to a merge.
 *
 * @param where how the user named it (for messages)
 * @param run   its result
 */
public record MergeInput(String where, RunResult run) {
    public MergeInput {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(run, "run");
    }

    /** Its shard; a whole run is shard 1/1 of itself. */
    ShardInfo shard() {
        if (run.shard() != null) {
            return run.shard();
        }
        String sha = run.scenario() == null ? "" : String.valueOf(run.scenario().sha256());
        List<String> ids = run.configurations().stream().map(c -> c.id()).toList();
        return new ShardInfo(1, 1, sha, io.inferbench.result.MachineFingerprint.of(run).id(), ids, ids.size());
    }

    String scenarioSha() {
        return run.scenario() == null ? "" : String.valueOf(run.scenario().sha256());
    }

    /** {@code results/x (shard 2/3)}. */
    String describe() {
        return where + (run.shard() == null ? "" : " (shard " + run.shard().label() + ")");
    }
}
