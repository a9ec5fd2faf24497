package io.inferbench.result;

import java.util.List;

/**
 * The best configuration meeting a scenario's constraints, and why each other one lost.
 *
 * @param bestId      the recommended configuration's id; null when none meets the constraints
 * @param reason      why it won, or why nothing did
 * @param objective   what was optimised among the configurations meeting the constraints,
 *                    e.g. {@code lowest p99 latency}
 * @param constraints the constraints as applied, one line each, e.g. {@code p99 ≤ 50 ms}
 * @param paretoFront ids of the configurations meeting the constraints that no other one dominates
 * @param losers      every other configuration, in input order, with a concrete reason
 */
public record RecommendationResult(String bestId, String reason, String objective, List<String> constraints,
                                   List<String> paretoFront, List<Loser> losers) {
    public RecommendationResult {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        paretoFront = paretoFront == null ? List.of() : List.copyOf(paretoFront);
        losers = losers == null ? List.of() : List.copyOf(losers);
    }

    /**
     * A configuration that was not recommended.
     *
     * @param id     its id
     * @param reason e.g. {@code p99 62.1 ms > 50 ms}, {@code dominated by c03: slower and less accurate},
     *               {@code INVALID: ran 4.1 s < min-duration 10 s}, {@code FAILED: out of memory}
     */
    public record Loser(String id, String reason) {
    }
}
