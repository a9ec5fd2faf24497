package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparison settings, the Holm-adjusted p-values and the pooled agreement figures round-trip
 * through the result JSON, and results written before them still read (the fields come back null).
 */
class ComparisonAndAgreementJsonTest {
    private static RunResult run(RunSummary summary) {
        return new RunResult(RunResult.SCHEMA, "r", Instant.parse("2026-01-01T00:00:00Z"), null, null, null,
                List.of(), null).withSummary(summary);
    }

    private static ComparisonResult comparison(Double holm) {
        Interval ci = new Interval(0.9, 1.1, true);
        return new ComparisonResult("c02", "c01", "p99", 1.0, ci, 1.0, ci, 10, 0.004, 0.1, "negligible",
                ComparisonVerdict.EQUIVALENT, 20, ComparisonBasis.WITHIN_RUN_BOOTSTRAP, 1.0, ci, ci, 100, 100, 100,
                100, 2000, "c02 is equivalent", holm);
    }

    @Test
    void newFieldsRoundTrip() throws IOException {
        RunSummary summary = new RunSummary(List.of(comparison(0.012)), null, List.of(
                new AgreementResult("c02", "c01", "last_hidden_state", 64, 0.5, 0.02, 0.894, 0.85, Double.NaN,
                        0.991, 0.98),
                new AgreementResult("c02", "c01", "scores", 64, 0.1, 0.01, 0.999, 0.99, 0.95)),
                List.of(), ComparisonSettings.of("p99", 20, 3));
        RunResult read = ResultJson.fromJson(ResultJson.toJson(run(summary)));
        assertEquals(new ComparisonSettings("p99", 20, "holm", 3), read.summary().comparisonSettings());
        assertEquals(0.012, read.summary().comparisons().get(0).mannWhitneyPHolm());
        AgreementResult pooled = read.summary().agreements().get(0);
        assertEquals(0.991, pooled.pooledMeanCosine());
        assertEquals(0.98, pooled.pooledMinCosine());
        assertTrue(pooled.pooled());
        assertFalse(read.summary().agreements().get(1).pooled());
        assertNull(read.summary().agreements().get(1).pooledMinCosine());
    }

    @Test
    void resultsWrittenBeforeTheFieldsStillRead() throws IOException {
        // What an older run wrote: no comparisonSettings, no mannWhitneyPHolm, no pooled figures.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper().readTree(ResultJson.toJson(run(
                new RunSummary(List.of(comparison(null)), null, List.of(new AgreementResult("c02", "c01", "y", 8, 0.5,
                        0.02, 0.894, 0.85, Double.NaN)), List.of()))));
        var summary = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("summary");
        summary.remove("comparisonSettings");
        ((com.fasterxml.jackson.databind.node.ObjectNode) summary.get("comparisons").get(0)).remove("mannWhitneyPHolm");
        var agreement = (com.fasterxml.jackson.databind.node.ObjectNode) summary.get("agreements").get(0);
        agreement.remove(List.of("pooledMeanCosine", "pooledMinCosine"));
        String old = tree.toString();
        assertFalse(old.contains("pooled") || old.contains("Holm") || old.contains("comparisonSettings"), old);
        RunResult read = ResultJson.fromJson(old);
        assertNull(read.summary().comparisonSettings());
        assertNull(read.summary().comparisons().get(0).mannWhitneyPHolm());
        assertNull(read.summary().agreements().get(0).pooledMeanCosine());
        assertEquals(0.894, read.summary().agreements().get(0).meanCosine());
    }

    @Test
    void settingsCheckTheirValues() {
        assertEquals("none", ComparisonSettings.of("median", 5, 1).correction());
        assertFalse(ComparisonSettings.of("median", 5, 1).adjusted());
        assertThrows(IllegalArgumentException.class, () -> new ComparisonSettings("median", 200, "holm", 2));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonSettings("median", 5, "bonferroni", 2));
    }
}
