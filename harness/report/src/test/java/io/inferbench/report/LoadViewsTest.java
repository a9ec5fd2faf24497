package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.BatchingStats;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.OpenLoopStats;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.StabilityResult;
import io.inferbench.result.TimelinePoint;
import io.inferbench.result.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The load blocks, problem lines and charts on their edge cases. */
class LoadViewsTest {
    @Test
    void formatsForLoadsObjectivesAndErrors() {
        assertEquals("38.75 q/s", Formats.load("rate", 38.75));
        assertEquals("8 in flight", Formats.load("concurrency", 8));
        assertEquals("p99 ≤ 50 ms", Formats.objective(99, 50));
        assertEquals("p99.9 ≤ 2.5 ms", Formats.objective(99.9, 2.5));
        assertEquals("2.1%", Formats.percent(2.14));
        assertEquals("crashed …", Formats.firstLine("crashed\nstderr:\n  # boom"));
        assertEquals("one line", Formats.firstLine("one line"));
        assertNull(Formats.firstLine(null));
    }

    @Test
    void batchSizesAreOneRowEachOrRangesWhenMany() {
        Map<Integer, Long> few = new LinkedHashMap<>(Map.of(8, 30L, 1, 10L));
        BatchingView v = BatchingView.of(phase().withBatching(new BatchingStats(8, 2, 40, 6.25, few)), List.of());
        assertEquals(List.of("1", "8"), v.sizes().stream().map(BatchingView.Size::size).toList());
        assertEquals("100%", v.sizes().get(1).width(), "the most common size has the longest bar");
        assertEquals("25.0%", v.sizes().get(0).share());
        Map<Integer, Long> many = new LinkedHashMap<>();
        for (int size = 1; size <= 64; size++) {
            many.put(size, 1L);
        }
        BatchingView grouped = BatchingView.of(phase().withBatching(new BatchingStats(64, 2, 64, 32.5, many)),
                List.of());
        assertTrue(grouped.sizes().size() <= BatchingView.MAX_ROWS, "" + grouped.sizes().size());
        assertEquals("1–6", grouped.sizes().get(0).size());
        assertEquals(64, grouped.sizes().stream().mapToLong(s -> Long.parseLong(s.count())).sum());
    }

    @Test
    void forkFiguresStandInWhenTheMergedPhaseHasNone() {
        PhaseResult overloaded = phase().withOpenLoop(new OpenLoopStats("constant", 50, 80, 49, 100, 3, true, 16,
                0.1, 1, 2, 0, 1, 0.5, 9));
        OpenLoopView o = OpenLoopView.of(phase(), List.of(phase().withOpenLoop(overloaded.openLoop()), overloaded));
        assertEquals("fork 1 of 2 (each fork keeps its own schedule)", o.scope());
        assertTrue(o.overloaded(), "any fork overloaded");
        assertEquals("50 → 80", o.target(), "a ramp");
        StabilityView s = StabilityView.of(phase(), List.of(stable(true), stable(false)));
        assertEquals("UNSTABLE", s.status());
        assertEquals(List.of("fork 2: drifted"), s.failures());
        assertEquals("Fork 1", s.rows().get(1).key());
    }

    @Test
    void problemsSayOverloadUnstableAndMissingPeakOnce() {
        ConfigurationResult c = HeadlineTest.ok("rate=80", 9, 8, 10, true, 40, Verdict.of(List.of(
                "overloaded: more than 16 queries in flight; the system cannot sustain this rate")), 0);
        PhaseResult m = c.measurement().withOpenLoop(new OpenLoopStats("poisson", 80, Double.NaN, 79, 500, 20, true,
                16, 0.1, 1, 2, 0, 1, 0.5, 9));
        ConfigurationResult forked = with(c, m, List.of(stable(true), stable(false)), null);
        List<String> lines = HeadlineProblems.of(List.of(forked)).stream()
                .map(p -> p.status() + " " + p.reason()).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("OVERLOADED the system could not keep up with the rate; more than 16"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith("The measurement is INVALID."), "no separate INVALID line for it");
        assertEquals("UNSTABLE still changing at the end of the measurement: fork 2: drifted.", lines.get(1));

        PeakSearchResult none = new PeakSearchResult("rate", 99, 50, false, Double.NaN, List.of(
                new PeakSearchResult.Probe(20, false, 80, 19, null),
                new PeakSearchResult.Probe(10, false, 64.3, 10, null)));
        ConfigurationResult search = with(HeadlineTest.ok("search", 9, 8, 10, true, 40, Verdict.of(List.of()), 0),
                null, List.of(), none);
        assertEquals(List.of("NO PEAK no rate met p99 ≤ 50 ms; the lowest tried, 10 q/s, gave 64.3 ms."),
                HeadlineProblems.of(List.of(search)).stream().map(p -> p.status() + " " + p.reason()).toList());
        assertTrue(Headline.of(List.of(search), Map.of()).findings().stream()
                .noneMatch(f -> f.title().startsWith("Peak")), "no peak finding without a peak");
    }

    @Test
    void aSingleStepIsNoSweepAndInvalidStepsAreHollow() {
        ConfigurationResult one = step("c1", "1", Verdict.of(List.of()));
        assertTrue(TradeoffCharts.of(List.of(one), Map.of()).isEmpty());
        ConfigurationResult two = step("c2", "2", Verdict.of(List.of("too short")));
        List<ReportView.Figure> figures = TradeoffCharts.of(List.of(two, one), Map.of());
        assertEquals(1, figures.size());
        ReportView.Figure f = figures.get(0);
        assertTrue(f.title().startsWith("Concurrency steps: throughput against p50"), "p50 when p99 is missing");
        assertTrue(f.caption().contains("Hollow circles are measurements that are not valid."));
        assertTrue(f.svg().contains("class=\"hollow\""));
        int c1 = f.svg().indexOf(">c=1<");
        assertTrue(c1 > 0 && c1 < f.svg().indexOf(">c=2<"), "points in step order, not matrix order");
    }

    @Test
    void timelineBreaksLinesAtEmptyIntervalsAndIgnoresShortTailsForScale() {
        assertNull(SvgTimelineChart.render("x", List.of(), 0, List.of()));
        List<TimelinePoint> points = List.of(point(0, 1, 10, 2), point(1, 2, 10, 2), point(2, 3, 0, Double.NaN),
                point(3, 4, 10, 3), point(4, 5, 0, Double.NaN), point(5, 6, 10, 2), point(6, 6.02, 50, 2));
        String svg = SvgTimelineChart.render("x", List.of(), 0, points);
        Matcher p50 = Pattern.compile("<path d=\"([^\"]*)\"[^>]*class=\"p50\"").matcher(svg);
        assertTrue(p50.find(), svg);
        assertEquals(3, p50.group(1).split("M", -1).length - 1, "segments restart after gaps: " + p50.group(1));
        assertTrue(svg.contains("class=\"p50-dot\""), "a lone interval is a dot");
        // Full intervals run at 10 q/s: ticks 0, 5, 10. The 0.02 s tail at 50 q/s would make them 0, 20, 40, 60.
        assertTrue(svg.contains(">10<") && !svg.contains(">60<"), "a short tail does not set the scale");
    }

    private static TimelinePoint point(double start, double end, double qps, double p50) {
        return new TimelinePoint(start, end, (long) (qps * (end - start)), 0, qps, p50, p50, p50 * 1.5, p50 * 2);
    }

    private static PhaseResult phase() {
        return new PhaseResult(100, 100, 0, null, 1000, 100, null, 100, null, null, List.of());
    }

    private static PhaseResult stable(boolean stable) {
        return phase().withStability(new StabilityResult(stable, 3, 10, 99, 1, stable ? 2 : 30,
                stable ? "steady" : "drifted"));
    }

    private static ConfigurationResult step(String id, String clients, Verdict verdict) {
        ConfigurationResult c = HeadlineTest.ok(id, 4 * Integer.parseInt(clients), 1, 100, true,
                100 * Integer.parseInt(clients), verdict, 0);
        return new ConfigurationResult(new ConfigurationSetup(id, "concurrency=" + clients,
                Map.of("concurrency", clients), "b", "cpu", "concurrency(" + clients + ")", null, null, null, Map.of()),
                null, new ConfigurationOutcome.Ok(verdict), PhasesResult.once(null, c.measurement(), null),
                new ResourcesResult(1, null, null), null);
    }

    private static ConfigurationResult with(ConfigurationResult c, PhaseResult m, List<PhaseResult> forks,
                                            PeakSearchResult peak) {
        return new ConfigurationResult(c.setup(), c.session(), c.outcome(), new PhasesResult(c.phases().warmup(),
                m == null ? c.measurement() : m, forks, null, peak), c.resources(), List.of());
    }
}
