package io.inferbench.compare;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RecommendationResult;
import io.inferbench.result.RecommendationResult.Loser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best configuration meeting a scenario's constraints, with a concrete reason for every other
 * one: failed, skipped or invalid measurements first (only VALID OK configurations can win), then
 * broken constraints (all of them, e.g. {@code p99 62.1 ms > 50 ms}), then Pareto dominance among
 * the configurations meeting the constraints, then the goal.
 */
public final class Recommender {
    private Recommender() {
    }

    /** The lowest latency at the constraints' percentile among those meeting the constraints. */
    public static RecommendationResult recommend(List<Candidate> candidates, Constraints constraints) {
        return recommend(candidates, constraints, Goal.LOWEST_LATENCY);
    }

    public static RecommendationResult recommend(List<Candidate> candidates, Constraints constraints, Goal goal) {
        String latency = constraints.latencyName();
        String objective = goal == Goal.LOWEST_LATENCY ? "lowest " + latency + " latency" : "highest throughput";
        double reference = referenceAccuracy(candidates, constraints);
        Map<String, String> rejected = new LinkedHashMap<>();
        List<Candidate> feasible = new ArrayList<>();
        for (Candidate c : candidates) {
            String why = ineligible(c, goal);
            if (why == null) {
                why = broken(c.objectives(), constraints, reference);
            }
            if (why == null) {
                feasible.add(c);
            } else {
                rejected.put(c.id(), why);
            }
        }
        List<Objectives> objectives = feasible.stream().map(Candidate::objectives).toList();
        ParetoFront front = ParetoFront.of(objectives);
        List<String> limits = constraints.describe();
        if (objectives.isEmpty()) {
            String reason = "no configuration meets " + (limits.isEmpty() ? "the validity rules" : String.join(", ", limits));
            return new RecommendationResult(null, reason, objective, limits, front.front(), losers(candidates, rejected));
        }
        Objectives best = objectives.stream().min(order(goal, front)).orElseThrow();
        Map<String, Objectives> byId = new LinkedHashMap<>();
        objectives.forEach(o -> byId.put(o.id(), o));
        for (Objectives o : objectives) {
            if (o != best) {
                rejected.put(o.id(), lostTo(o, best, front, byId, goal, latency));
            }
        }
        String what = goal == Goal.LOWEST_LATENCY
                ? "the lowest " + latency + " (" + Units.ms(best.latencyMs()) + ")"
                : "the highest throughput (" + Units.perSecond(best.throughput()) + ")";
        String among = objectives.size() == 1 ? "the only configuration meeting "
                : "of the " + objectives.size() + " configurations meeting ";
        String reason = objectives.size() == 1
                ? best.id() + " is " + among + (limits.isEmpty() ? "the validity rules" : String.join(", ", limits))
                : best.id() + " has " + what + " " + among + (limits.isEmpty() ? "the validity rules"
                        : String.join(", ", limits));
        return new RecommendationResult(best.id(), reason, objective, limits, front.front(),
                losers(candidates, rejected));
    }

    /** Why a configuration cannot be considered at all, or null. */
    private static String ineligible(Candidate c, Goal goal) {
        if (c.status() != ConfigurationStatus.OK) {
            return c.status() + ": " + (c.error() == null ? "no reason given" : c.error());
        }
        if (c.verdict() != null && !c.verdict().valid()) {
            return "INVALID: " + String.join("; ", c.verdict().reasons());
        }
        if (Double.isNaN(c.objectives().latencyMs())) {
            return "no latency measured";
        }
        return goal == Goal.HIGHEST_THROUGHPUT && Double.isNaN(c.objectives().throughput())
                ? "no throughput measured" : null;
    }

    /** Every constraint the objectives break, joined; null when none. */
    static String broken(Objectives o, Constraints k, double referenceAccuracy) {
        List<String> reasons = new ArrayList<>();
        if (o.latencyMs() > k.maxLatencyMs()) {
            reasons.add(k.latencyName() + " " + Units.ms(o.latencyMs()) + " > " + Units.ms(k.maxLatencyMs()));
        }
        if (!Double.isNaN(k.minThroughput()) && !(o.throughput() >= k.minThroughput())) {
            reasons.add("throughput " + Units.perSecond(o.throughput()) + " < " + Units.perSecond(k.minThroughput()));
        }
        if (!Double.isNaN(k.maxAccuracyDropPoints())) {
            double drop = referenceAccuracy - o.accuracy();
            if (Double.isNaN(o.accuracy()) || Double.isNaN(referenceAccuracy)) {
                reasons.add(Double.isNaN(o.accuracy()) ? "accuracy not measured" : "reference accuracy not measured");
            } else if (drop > k.maxAccuracyDropPoints() + 1e-9) {
                reasons.add("accuracy drop " + Units.points(drop) + " > " + Units.points(k.maxAccuracyDropPoints())
                        + " (" + Units.percent(o.accuracy()) + " vs " + Units.percent(referenceAccuracy) + ")");
            }
        }
        if (!Double.isNaN(k.maxMemoryBytes())) {
            if (Double.isNaN(o.memoryBytes())) {
                reasons.add("memory not measured");
            } else if (o.memoryBytes() > k.maxMemoryBytes()) {
                reasons.add("memory " + Units.bytes(o.memoryBytes()) + " > " + Units.bytes(k.maxMemoryBytes()));
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /**
     * The reference's accuracy, or the highest measured by an OK configuration when no reference
     * is named. Accuracy does not depend on whether the latency run was valid, so invalid
     * configurations count here.
     */
    static double referenceAccuracy(List<Candidate> candidates, Constraints k) {
        double best = Double.NaN;
        for (Candidate c : candidates) {
            double a = c.objectives().accuracy();
            if (k.accuracyReferenceId() != null) {
                if (c.id().equals(k.accuracyReferenceId())) {
                    return a;
                }
            } else if (c.status() == ConfigurationStatus.OK && !Double.isNaN(a) && !(a <= best)) {
                best = a;
            }
        }
        return best;
    }

    /** Best first: the goal, then configurations on the front, then the other metric; stable otherwise. */
    private static Comparator<Objectives> order(Goal goal, ParetoFront front) {
        Comparator<Objectives> latency = Comparator.comparingDouble(Objectives::latencyMs);
        Comparator<Objectives> throughput = Comparator.comparingDouble(
                o -> Double.isNaN(o.throughput()) ? Double.POSITIVE_INFINITY : -o.throughput());
        Comparator<Objectives> onFront = Comparator.comparing(o -> !front.contains(o.id()));
        return goal == Goal.LOWEST_LATENCY ? latency.thenComparing(onFront).thenComparing(throughput)
                : throughput.thenComparing(onFront).thenComparing(latency);
    }

    private static String lostTo(Objectives o, Objectives best, ParetoFront front, Map<String, Objectives> byId,
                                 Goal goal, String latency) {
        String by = front.dominatedBy().get(o.id());
        if (by != null) {
            return "dominated by " + by + ": " + Dominance.worseIn(o, byId.get(by));
        }
        String versus = goal == Goal.LOWEST_LATENCY
                ? latency + " " + Units.ms(o.latencyMs()) + " vs " + Units.ms(best.latencyMs()) + " for " + best.id()
                : "throughput " + Units.perSecond(o.throughput()) + " vs " + Units.perSecond(best.throughput())
                        + " for " + best.id();
        String offers = Dominance.betterIn(o, best);
        return versus + (offers.isEmpty() ? "" : "; on the Pareto front: " + offers);
    }

    private static List<Loser> losers(List<Candidate> candidates, Map<String, String> rejected) {
        List<Loser> losers = new ArrayList<>();
        for (Candidate c : candidates) {
            String why = rejected.get(c.id());
            if (why != null) {
                losers.add(new Loser(c.id(), why));
            }
        }
        return losers;
    }
}
