package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import io.inferbench.synthetic.SyntheticBackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planned duration printed before a run comes from the run settings of each configuration. */
class RunPlanTest {
    private static RunPlan plan(String yaml) throws ScenarioException {
        var parser = new ScenarioParser(Map.of(SyntheticBackendProvider.NAME, new SyntheticBackendProvider()));
        return RunPlan.of(parser.parse(Path.of("plan.yaml"), Path.of("."), yaml).configurations());
    }

    @Test
    void forksWarmupAndMinimumsAddUp() throws ScenarioException {
        RunPlan p = plan("""
                backend: { name: synthetic }
                run: { warmup: 5s, min-duration: 1m, max-duration: 2m, forks: 2 }
                matrix:
                  a: { set: backend.options.latency-ms, values: [1, 2, 3] }
                """);
        assertEquals(3, p.configurations());
        assertEquals(Duration.ofSeconds(3 * 2 * 65), p.least());
        assertEquals(Duration.ofSeconds(3 * 2 * 125), p.most());
        assertEquals("3 configurations, measuring for at least 6m 30s (at most 12m 30s), plus model loading and "
                + "accuracy", p.describe());
    }

    @Test
    void aLongPlanReadsInHoursAndDays() throws ScenarioException {
        RunPlan p = plan("""
                backend: { name: synthetic }
                run: { warmup: 20, min-duration: 1h, max-duration: 24h }
                matrix:
                  a: { set: backend.options.latency-ms, values: [1, 2, 3] }
                """);
        assertEquals("3 configurations, measuring for at least 3h 0m (at most 6d 0h), plus model loading and accuracy",
                p.describe(), "a query warmup may last up to max-duration");
    }
}
