package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.SessionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "Served vs in-process" section: served rows beside their in-process baseline, or no section. */
class ServingViewTest {
    private static ConfigurationResult served(ConfigurationResult c, Map<String, String> properties) {
        SessionInfo s = c.session();
        Map<String, String> p = new LinkedHashMap<>(s.properties());
        p.putAll(properties);
        return new ConfigurationResult(c.setup(), new SessionInfo(s.inputs(), s.outputs(), p), c.outcome(), c.phases(),
                c.resources(), c.accuracy());
    }

    private static RunResult servedRun(ComparisonResult comparison) {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>(run.configurations());
        configs.set(1, served(configs.get(1), Map.of("protocol", "v2 REST, binary tensors", "client-requests", "300",
                "client-serialize-ms-mean", "0.4100", "client-wait-ms-mean", "12.4000",
                "client-deserialize-ms-mean", "0.5200", "server-queue-ms-mean", "0.4000",
                "server-compute-infer-ms-mean", "4.9000")));
        RunSummary s = run.summary();
        return run.withConfigurations(configs, run.finishedAt()).withSummary(new RunSummary(List.of(comparison),
                s.recommendation(), s.agreements(), s.accuracyDrops()));
    }

    private static ComparisonResult comparison(double differenceMs, Interval ci) {
        ComparisonResult x = ReportFixtures.comparisons().get(0);
        return new ComparisonResult(x.candidateId(), x.baselineId(), x.metric(), x.ratio(), x.ratioCi95(),
                x.p99Ratio(), x.p99RatioCi95(), x.mannWhitneyU(), x.mannWhitneyP(), x.cliffsDelta(),
                x.cliffsMagnitude(), x.verdict(), x.tolerancePercent(), x.basis(), x.verdictRatio(), x.verdictCi90(),
                x.verdictCi95(), x.nA(), x.nB(), x.samplesA(), x.samplesB(), x.resamples(), x.summary(), differenceMs,
                ci);
    }

    @Test
    void aRunWithNothingServedHasNoSection() {
        RunResult run = ReportFixtures.run();
        assertFalse(ServingView.of(run).any());
        assertFalse(new ReportRenderer().render(run).contains("Served vs in-process"));
    }

    @Test
    void aServedRowShowsItsOverheadInMillisecondsWithItsIntervalAndWhereTheTimeWent() {
        RunResult run = servedRun(comparison(8.52, new Interval(8.31, 8.77, true)));
        ServingView view = ServingView.of(run);
        assertEquals(1, view.rows().size());
        ServingView.Row r = view.rows().get(0);
        assertEquals("c02", r.id());
        assertEquals("c01", r.baselineId());
        assertEquals("+8.52 ms", r.overhead());
        assertEquals("8.31–8.77", r.overheadCi());
        assertEquals("0.62×", r.ratio()); // 0.625, rounded half to even
        assertEquals("0.410 / 12.4 / 0.520 ms", r.client());
        assertEquals("0.400 / — / 4.90 / — ms", r.server());
        String html = new ReportRenderer().render(run);
        assertTrue(html.contains("Served vs in-process") && html.contains("+8.52 ms") && html.contains("8.31–8.77"),
                "the section is rendered");
    }

    @Test
    void aComparisonFromBeforeTheDifferenceShowsItMissingNotZero() {
        ServingView.Row r = ServingView.of(servedRun(ReportFixtures.comparisons().get(0))).rows().get(0);
        assertEquals(Formats.MISSING, r.overhead());
        assertNull(r.overheadCi());
        assertEquals("0.62×", r.ratio()); // 0.625, rounded half to even
    }
}
