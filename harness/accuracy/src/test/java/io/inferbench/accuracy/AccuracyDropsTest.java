package io.inferbench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.compare.Candidate;
import io.inferbench.compare.Constraints;
import io.inferbench.compare.Objectives;
import io.inferbench.compare.Recommender;
import io.inferbench.result.AccuracyDropResult;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.api.accuracy.AccuracyMetric.ItemScores;
import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.api.Interval;
import io.inferbench.result.RecommendationResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.scenario.AccuracySpec;
import io.inferbench.api.accuracy.AccuracyTaskSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drops against the reference, paired per item, and the figures the recommender then uses. */
class AccuracyDropsTest {
    static final AccuracySpec SPEC = new AccuracySpec("precision=fp32", 0.95,
            List.of(new AccuracyTaskSpec("spam", "embedding-probe", null, null, 42, 16, Map.of())));

    static ConfigurationResult config(String id, String precision, double[] scores) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("precision", precision);
        List<AccuracyResult> accuracy = scores == null ? List.of(new AccuracyResult("spam", "embedding-probe", "x.tsv",
                AccuracyResult.Status.FAILED, "embedding-probe failed: boom", List.of(), 1))
                : List.of(new AccuracyResult("spam", "embedding-probe", "x.tsv", AccuracyResult.Status.OK, null,
                List.of(new AccuracyMetric("accuracy", new ItemScores(scores, null).ratio(), new Interval(0, 1, true),
                        0.95, scores.length, "Wilson score", "", new ItemScores(scores, null))), 1));
        return measured(id, "precision=" + precision, axes, "onnxruntime").withAccuracy(accuracy);
    }

    private static ConfigurationResult measured(String id, String label, Map<String, String> axes, String backend) {
        return new ConfigurationResult(new ConfigurationSetup(id, label, axes, backend, "cpu", "single-stream", null,
                null, null, Map.of()), null, new ConfigurationOutcome.Ok(null), null,
                new ResourcesResult(1, null, null), null);
    }

    static double[] scores(int n, int wrongFrom, int wrongTo) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i >= wrongFrom && i < wrongTo ? 0 : 1;
        }
        return s;
    }

    @Test
    void dropIsPairedOverItemsAgainstTheNamedReference() {
        ConfigurationResult int8 = config("c01", "int8", scores(200, 0, 14));   // 93%
        ConfigurationResult fp32 = config("c02", "fp32", scores(200, 0, 10));   // 95%, same errors plus 4
        ConfigurationResult broken = config("c03", "fp16", null);
        List<AccuracyDropResult> drops = AccuracyDrops.compute(List.of(int8, fp32, broken), SPEC);
        assertEquals(1, drops.size(), drops.toString());
        AccuracyDropResult d = drops.get(0);
        assertEquals("c01", d.candidateId());
        assertEquals("c02", d.referenceId(), "precision=fp32 names c02, not the first configuration");
        assertEquals(2.0, d.dropPoints(), 1e-9);
        assertEquals(200, d.pairedItems());
        // Paired: the only disagreements are 4 items the candidate gets wrong, so the drop is >= 0 for sure.
        assertTrue(d.interval().low() >= 0 && d.interval().low() < 2 && d.interval().high() > 2, d.toString());
        assertTrue(d.interval().high() < 4.5, "paired intervals are narrow: " + d);
    }

    /** Cross-backend: "backend=onnxruntime" is each task's reference, the first ORT configuration that scored it. */
    @Test
    void eachTaskHasItsOwnReference() {
        AccuracySpec two = new AccuracySpec("backend=onnxruntime", 0.95, List.of(
                new AccuracyTaskSpec("spam", "embedding-probe", null, null, 42, 16, Map.of()),
                new AccuracyTaskSpec("cls", "ocr-orientation", null, null, 42, 16, Map.of())));
        ConfigurationResult textOrt = scored("c01", "onnxruntime", "spam", scores(10, 0, 1));
        ConfigurationResult clsOrt = scored("c02", "onnxruntime", "cls", scores(20, 0, 0));
        ConfigurationResult textTf = scored("c03", "tensorflow", "spam", scores(10, 0, 2));
        ConfigurationResult clsTf = scored("c04", "tensorflow", "cls", scores(20, 0, 1));
        List<AccuracyDropResult> drops = AccuracyDrops.compute(List.of(textOrt, clsOrt, textTf, clsTf), two);
        assertEquals(List.of("c03 vs c01 spam 10", "c04 vs c02 cls 5"), drops.stream()
                .map(d -> d.candidateId() + " vs " + d.referenceId() + " " + d.task() + " "
                        + Math.round(d.dropPoints())).toList());
    }

    static ConfigurationResult scored(String id, String backend, String task, double[] scores) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("backend", backend);
        return measured(id, "backend=" + backend, axes, backend)
                .withAccuracy(List.of(new AccuracyResult(task, "x", "", AccuracyResult.Status.OK, null,
                        List.of(new AccuracyMetric("accuracy", new ItemScores(scores, null).ratio(), null, 0.95,
                                scores.length, "", "", new ItemScores(scores, null))), 1)));
    }

    @Test
    void noReferenceMeansTheFirstScoredConfiguration() {
        ConfigurationResult broken = config("c01", "fp16", null);
        ConfigurationResult a = config("c02", "fp32", scores(10, 0, 1));
        ConfigurationResult b = config("c03", "int8", scores(10, 0, 2));
        AccuracySpec none = new AccuracySpec(null, 0.95, SPEC.tasks());
        assertEquals("c02", AccuracyDrops.reference(List.of(broken, a, b), none).id());
        assertNull(AccuracyDrops.reference(List.of(broken), none));
        assertEquals(List.of(), AccuracyDrops.compute(List.of(broken), none));
    }

    @Test
    void candidatesCarryAccuracyInPercentAndTheRecommenderUsesIt() {
        ConfigurationResult fp32 = config("c01", "fp32", scores(200, 0, 10));   // 95%
        ConfigurationResult int8 = config("c02", "int8", scores(200, 0, 16));   // 92%
        Candidate a = Candidate.of(fp32, 90);
        Candidate b = Candidate.of(int8, 90);
        assertEquals(95.0, a.objectives().accuracy(), 1e-9);
        assertEquals(92.0, b.objectives().accuracy(), 1e-9);
        // int8 is faster, but loses 3 points: over a 1.5-point limit.
        Candidate fastInt8 = b.withObjectives(new Objectives("c02", 10, 100, Double.NaN, Double.NaN, 92.0));
        Candidate slowFp32 = a.withObjectives(new Objectives("c01", 20, 50, Double.NaN, Double.NaN, 95.0));
        RecommendationResult r = Recommender.recommend(List.of(slowFp32, fastInt8),
                Constraints.none(90).withMaxAccuracyDrop(1.5, "c01"));
        assertEquals("c01", r.bestId());
        assertTrue(r.losers().get(0).reason().startsWith("accuracy drop 3 points > 1.5 points"),
                r.losers().toString());
    }
}
