package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadlineTest {
    @Test
    void namesWinnersWithIntervalsAndSaysWhenTheLeadIsNotClear() {
        Headline h = Headline.of(List.of(
                ok("a", 4.0, 3.9, 4.1, true, 250, Verdict.of(List.of()), 0),
                ok("b", 3.95, 3.85, 4.05, true, 260, Verdict.of(List.of()), 0)), Map.of("b", "#D55E00"));
        Headline.Finding fastest = h.findings().get(0);
        assertEquals("Lowest median latency", fastest.title());
        assertEquals("b", fastest.configuration());
        assertEquals("#D55E00", fastest.colour());
        assertEquals("p50 3.95 ms (95% CI 3.85–4.05)", fastest.detail());
        assertTrue(fastest.note().startsWith("Not clearly lower than the runner-up, a, at 4.00 ms"), fastest.note());
        assertTrue(fastest.note().endsWith("the intervals overlap, so the difference may be noise."));
        assertEquals("Highest throughput", h.findings().get(1).title());
        assertEquals("b", h.findings().get(1).configuration());
        assertEquals("2 configurations: 2 valid.", h.summary());
        assertTrue(h.problems().isEmpty());
    }

    @Test
    void invalidSkippedFailedAndErroredConfigurationsEachGetALine() {
        Headline h = Headline.of(List.of(
                ok("fast-but-invalid", 1.0, 0.9, 1.1, true, 900,
                        Verdict.of(List.of("ran 4.1 s < min-duration 10 s", "only 120 queries")), 0),
                ok("valid-with-errors", 5.0, 4.9, 5.1, false, 200, Verdict.of(List.of()), 3),
                notRun("gpu", ConfigurationStatus.SKIPPED, "no GPU found"),
                notRun("broken", ConfigurationStatus.FAILED, null)), Map.of());
        assertEquals("4 configurations: 1 valid, 1 invalid, 1 skipped, 1 failed.", h.summary());
        assertEquals("valid-with-errors", h.findings().get(0).configuration(), "an invalid run never wins");
        assertEquals("p50 5.00 ms (sample too small to bound a 95% CI)", h.findings().get(0).detail());
        assertNull(h.findings().get(0).note(), "no runner-up");
        List<String> lines = h.problems().stream()
                .map(p -> p.status() + " " + p.configuration() + ": " + p.reason()).toList();
        assertEquals(List.of(
                "INVALID fast-but-invalid: ran 4.1 s < min-duration 10 s; only 120 queries",
                "ERRORS valid-with-errors: 3 of 1,000 measured queries failed; first: boom",
                "SKIPPED gpu: no GPU found",
                "FAILED broken: no reason recorded"), lines);
    }

    @Test
    void nothingValidMeansNoFindings() {
        Headline h = Headline.of(List.of(notRun("x", ConfigurationStatus.FAILED, "oops")), Map.of());
        assertTrue(h.findings().isEmpty());
        assertEquals("1 configuration: 0 valid, 1 failed.", h.summary());
    }

    static ConfigurationResult ok(String label, double p50, double low, double high, boolean bounded, double qps,
                                  Verdict verdict, long errors) {
        List<PercentileEstimate> ps = List.of(new PercentileEstimate(50.0, p50, new Interval(low, high, bounded)));
        LatencySummary latency = new LatencySummary(1000 - errors, p50, new Interval(p50, p50, true), 0.1,
                low, high, ps);
        PhaseResult m = new PhaseResult(1000, 1000, errors, errors > 0 ? "boom" : null, 4000, qps, null, qps, latency,
                null, List.of());
        return new ConfigurationResult(setup(label), null, new ConfigurationOutcome.Ok(verdict),
                PhasesResult.once(null, m, null), new ResourcesResult(10, null, null), null);
    }

    static ConfigurationResult notRun(String label, ConfigurationStatus status, String error) {
        return new ConfigurationResult(setup(label), null, ConfigurationOutcome.notMeasured(status, error), null, null,
                null);
    }

    private static ConfigurationSetup setup(String label) {
        return new ConfigurationSetup(label, label, Map.of(), "b", "cpu", "single-stream", null, null, null, Map.of());
    }
}
