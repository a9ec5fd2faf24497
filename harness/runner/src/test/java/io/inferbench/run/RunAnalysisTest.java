package io.inferbench.run;

import io.inferbench.run.backends.Backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.model.ModelResolver;
import io.inferbench.result.ComparisonVerdict;
import io.inferbench.result.RunResult;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole in-process run on the synthetic backend, analysed: comparisons and a constrained recommendation. */
class RunAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void comparesAndRecommendsUnderTheScenariosConstraints() throws Exception {
        String yaml = """
                name: analysis
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 5, min-duration: 400ms, min-queries: 50 }
                recommend:
                  percentile: 99
                  max-latency: 10ms
                  goal: highest-throughput
                matrix:
                  speed:
                    fast: {}
                    slow: { backend: { options: { latency-ms: 20 } } }
                """;
        Backends backends = Backends.discover();
        Scenario s = new ScenarioParser(backends.byName()).parse(dir.resolve("a.yaml"), dir, yaml);
        assertEquals(10e6, s.recommend().maxLatency().toNanos(), 0);
        var prepared = new Preflight(backends.byName(), ModelResolver.defaults()).check(s);
        RunResult r = new BenchmarkRunner(backends.byName(), dir).inProcess(true).run(s, prepared, dir.resolve("run"), RunListener.NONE);

        assertEquals(1, r.summary().comparisons().size());
        var cmp = r.summary().comparisons().get(0);
        assertEquals("c02", cmp.candidateId());
        assertEquals(ComparisonVerdict.SLOWER, cmp.verdict(), cmp.summary());
        assertTrue(cmp.ratio() > 3, "20 ms against 1 ms: " + cmp.summary());

        var rec = r.summary().recommendation();
        assertEquals("c01", rec.bestId(), rec.reason());
        assertTrue(rec.constraints().toString().contains("10"), rec.constraints().toString());
        var loser = rec.losers().stream().filter(l -> l.id().equals("c02")).findFirst().orElseThrow();
        assertTrue(loser.reason().contains("> 10"), loser.reason());
    }

    /** compare: chooses the statistic and margin; three comparisons get Holm-adjusted p-values, recorded. */
    @Test
    void theScenariosCompareSettingsAreUsedAndRecordedWithHolmAdjustedPValues() throws Exception {
        String yaml = """
                name: compare-settings
                backend: { name: synthetic, options: { latency-ms: 2 } }
                run: { warmup: 5, min-duration: 300ms, min-queries: 40 }
                compare: { metric: p99, margin: 20% }
                matrix:
                  speed:
                    base: {}
                    same: {}
                    slower: { backend: { options: { latency-ms: 30 } } }
                    faster: { backend: { options: { latency-ms: 1 } } }
                """;
        Backends backends = Backends.discover();
        Scenario s = new ScenarioParser(backends.byName()).parse(dir.resolve("c.yaml"), dir, yaml);
        var prepared = new Preflight(backends.byName(), ModelResolver.defaults()).check(s);
        RunResult r = new BenchmarkRunner(backends.byName(), dir).inProcess(true).run(s, prepared, dir.resolve("run"),
                RunListener.NONE);

        var comparisons = r.summary().comparisons();
        assertEquals(3, comparisons.size());
        for (var c : comparisons) {
            assertEquals("p99", c.metric(), c.summary());
            assertEquals(20, c.tolerancePercent());
            assertTrue(c.mannWhitneyPHolm() != null && c.mannWhitneyPHolm() >= c.mannWhitneyP(), c.toString());
        }
        double[] adjusted = io.inferbench.stats.Holm.adjust(comparisons.stream()
                .mapToDouble(io.inferbench.result.ComparisonResult::mannWhitneyP).toArray());
        for (int i = 0; i < adjusted.length; i++) {
            assertEquals(adjusted[i], comparisons.get(i).mannWhitneyPHolm(), 1e-12);
        }
        // The p99 of 40 queries is too noisy on a shared machine for a verdict here (ComparisonTest checks
        // the p99 verdicts on controlled samples); the ratio's direction is clear.
        assertTrue(comparisons.get(1).ratio() > 1, comparisons.get(1).summary());
        assertTrue(comparisons.get(1).summary().contains("(p99 ratio "), comparisons.get(1).summary());
        assertEquals(new io.inferbench.result.ComparisonSettings("p99", 20, "holm", 3),
                r.summary().comparisonSettings());
        // What the result file holds reads back the same.
        RunResult read = io.inferbench.result.ResultJson.read(dir.resolve("run").resolve("result.json"));
        assertEquals(r.summary().comparisonSettings(), read.summary().comparisonSettings());
        assertEquals(comparisons.get(0).mannWhitneyPHolm(), read.summary().comparisons().get(0).mannWhitneyPHolm());
    }

    @Test
    void oneComparisonIsNotAdjusted() {
        var one = java.util.List.of(new io.inferbench.result.ComparisonResult("c02", "c01", "p50", 1, null, 1, null,
                0, 0.01, 0, "negligible", ComparisonVerdict.EQUIVALENT, 5, null, 1, null, null, 1, 1, 1, 1, 200, ""));
        assertEquals(null, RunAnalysis.holmAdjusted(one).get(0).mannWhitneyPHolm());
        var two = RunAnalysis.holmAdjusted(java.util.List.of(one.get(0), one.get(0)));
        assertEquals(0.02, two.get(0).mannWhitneyPHolm(), 1e-12);
    }

    @Test
    void aDeclaredBaselinePicksTheVariantOnTheSameAxis() throws Exception {
        // c03 is compared with c02 (its declared baseline), not with c01, the first earlier alike configuration.
        String yaml = """
                name: baselines
                backend: { name: synthetic, options: { latency-ms: 1 } }
                run: { warmup: 5, min-duration: 300ms, min-queries: 30 }
                matrix:
                  speed:
                    fast: {}
                    slow: { backend: { options: { latency-ms: 8 } } }
                    slow-wrapped: { backend: { options: { latency-ms: 9 } }, baseline: slow }
                """;
        Backends backends = Backends.discover();
        Scenario s = new ScenarioParser(backends.byName()).parse(dir.resolve("b.yaml"), dir, yaml);
        assertEquals("slow", s.configurations().get(2).settings().get("baseline"), "shown in the settings");
        assertEquals("slow", s.configurations().get(2).baseline());
        var prepared = new Preflight(backends.byName(), ModelResolver.defaults()).check(s);
        RunResult r = new BenchmarkRunner(backends.byName(), dir).run(s, prepared, dir.resolve("run"), RunListener.NONE);

        assertEquals(2, r.summary().comparisons().size());
        assertEquals("c01", r.summary().comparisons().get(0).baselineId());
        assertEquals("c02", r.summary().comparisons().get(0).candidateId());
        assertEquals("c02", r.summary().comparisons().get(1).baselineId());
        assertEquals("c03", r.summary().comparisons().get(1).candidateId());
        assertEquals("slow", r.configurations().get(2).setup().baseline(), "the result records it typed");
    }

    @Test
    void aBaselineMustNameAVariantOfAnotherConfiguration() {
        String yaml = """
                backend: { name: synthetic }
                matrix:
                  speed:
                    fast: {}
                    slow: { backend: { options: { latency-ms: 8 } }, baseline: fats }
                """;
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.inferbench.scenario.ScenarioException.class,
                () -> new ScenarioParser(Backends.discover().byName()).parse(dir.resolve("c.yaml"), dir, yaml));
        assertTrue(e.getMessage().contains("no configuration differs from this one (speed=slow) only by having the"
                + " matrix variant 'fats'"), e.getMessage());
        assertTrue(e.getMessage().contains("fast"), e.getMessage());
    }
}
