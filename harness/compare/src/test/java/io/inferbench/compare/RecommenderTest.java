package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RecommendationResult;
import io.inferbench.result.RecommendationResult.Loser;
import io.inferbench.result.ResultJson;
import io.inferbench.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    private static final double NA = Double.NaN;
    private static final Constraints P99_50MS_1POINT = Constraints.none(99).withMaxLatencyMs(50)
            .withMaxAccuracyDrop(1, "c01");

    private static final List<Candidate> CANDIDATES = List.of(
            Candidate.valid(new Objectives("c01", 48.0, 60, 400e6, NA, 85.5)),          // fp32: the reference
            Candidate.valid(new Objectives("c02", 30.0, 95, 150e6, NA, 84.1)),          // int8: drops 1.4 points
            Candidate.valid(new Objectives("c03", 35.5, 80, 200e6, NA, 85.0)),          // fp16: the winner
            Candidate.valid(new Objectives("c04", 62.1, 40, 400e6, NA, 85.5)),          // too slow
            Candidate.valid(new Objectives("c05", 40.0, 70, 250e6, NA, 84.8)),          // dominated by c03
            new Candidate(Objectives.of("c06", 20, 120), ConfigurationStatus.OK,
                    Verdict.of(List.of("ran 4.1 s < min-duration 10 s")), null),
            new Candidate(Objectives.of("c07", NA, NA), ConfigurationStatus.FAILED, null, "out of memory"),
            new Candidate(Objectives.of("c08", NA, NA), ConfigurationStatus.SKIPPED, null, "no GPU found"));

    @Test
    void bestMeetingTheConstraintsWithAReasonForEveryOther() throws Exception {
        RecommendationResult r = Recommender.recommend(CANDIDATES, P99_50MS_1POINT);
        assertEquals("c03", r.bestId());
        assertEquals("c03 has the lowest p99 (35.5 ms) of the 3 configurations meeting p99 ≤ 50 ms, "
                + "accuracy drop ≤ 1 point vs c01", r.reason());
        assertEquals("lowest p99 latency", r.objective());
        assertEquals(List.of("p99 ≤ 50 ms", "accuracy drop ≤ 1 point vs c01"), r.constraints());
        assertEquals(List.of("c01", "c03"), r.paretoFront());
        assertEquals(List.of(
                new Loser("c01", "p99 48 ms vs 35.5 ms for c03; on the Pareto front: more accurate"),
                new Loser("c02", "accuracy drop 1.4 points > 1 point (84.1% vs 85.5%)"),
                new Loser("c04", "p99 62.1 ms > 50 ms"),
                new Loser("c05", "dominated by c03: slower, lower throughput, more memory and less accurate"),
                new Loser("c06", "INVALID: ran 4.1 s < min-duration 10 s"),
                new Loser("c07", "FAILED: out of memory"),
                new Loser("c08", "SKIPPED: no GPU found")), r.losers());
        String json = ResultJson.mapper().writeValueAsString(r);
        assertEquals(r, ResultJson.mapper().readValue(json, RecommendationResult.class));
    }

    @Test
    void highestThroughputGoal() {
        RecommendationResult r = Recommender.recommend(CANDIDATES, Constraints.none(99).withMaxLatencyMs(50),
                Goal.HIGHEST_THROUGHPUT);
        assertEquals("c02", r.bestId());
        assertEquals("highest throughput", r.objective());
        assertEquals("throughput 80/s vs 95/s for c02; on the Pareto front: more accurate", loser(r, "c03"));
        assertEquals("dominated by c03: slower, lower throughput, more memory and less accurate", loser(r, "c05"));
    }

    @Test
    void everyBrokenConstraintIsNamed() {
        Constraints k = Constraints.none(90).withMaxLatencyMs(10).withMinThroughput(100).withMaxMemoryBytes(1e9)
                .withMaxAccuracyDrop(0.5, null);
        List<Candidate> cs = List.of(
                Candidate.valid(new Objectives("a", 12.25, 80, 1.5e9, NA, 80)),
                Candidate.valid(new Objectives("b", 8, 150, NA, NA, 81)),
                Candidate.valid(new Objectives("c", 8, 150, 0.5e9, NA, NA)));
        RecommendationResult r = Recommender.recommend(cs, k);
        assertNull(r.bestId());
        assertEquals("no configuration meets p90 ≤ 10 ms, throughput ≥ 100/s, accuracy drop ≤ 0.5 points vs "
                + "the most accurate, memory ≤ 1 GB", r.reason());
        assertEquals("p90 12.3 ms > 10 ms; throughput 80/s < 100/s; accuracy drop 1 point > 0.5 points "
                + "(80% vs 81%); memory 1.5 GB > 1 GB", loser(r, "a"));
        assertEquals("memory not measured", loser(r, "b"));
        assertEquals("accuracy not measured", loser(r, "c"));
    }

    @Test
    void theOnlyOneMeetingTheConstraints() {
        RecommendationResult r = Recommender.recommend(CANDIDATES.subList(3, 8), Constraints.none(99)
                .withMaxLatencyMs(50));
        assertEquals("c05", r.bestId());
        assertEquals("c05 is the only configuration meeting p99 ≤ 50 ms", r.reason());
    }

    @Test
    void unconstrainedTiesGoToTheFrontThenThroughput() {
        List<Candidate> cs = List.of(
                Candidate.valid(Objectives.of("slowish", 10, 90)),
                Candidate.valid(Objectives.of("fast", 10, 100)));
        RecommendationResult r = Recommender.recommend(cs, Constraints.none(50));
        assertEquals("fast", r.bestId());
        assertEquals("dominated by fast: lower throughput", loser(r, "slowish"));
        assertEquals("fast has the lowest p50 (10 ms) of the 2 configurations meeting the validity rules",
                r.reason());
    }

    private static String loser(RecommendationResult r, String id) {
        return r.losers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().reason();
    }
}
