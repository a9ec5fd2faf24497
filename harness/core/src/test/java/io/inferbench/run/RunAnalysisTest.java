package io.inferbench.run;

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

        assertEquals(1, r.comparisons().size());
        var cmp = r.comparisons().get(0);
        assertEquals("c02", cmp.candidateId());
        assertEquals(ComparisonVerdict.SLOWER, cmp.verdict(), cmp.summary());
        assertTrue(cmp.ratio() > 3, "20 ms against 1 ms: " + cmp.summary());

        var rec = r.recommendation();
        assertEquals("c01", rec.bestId(), rec.reason());
        assertTrue(rec.constraints().toString().contains("10"), rec.constraints().toString());
        var loser = rec.losers().stream().filter(l -> l.id().equals("c02")).findFirst().orElseThrow();
        assertTrue(loser.reason().contains("> 10"), loser.reason());
    }
}
