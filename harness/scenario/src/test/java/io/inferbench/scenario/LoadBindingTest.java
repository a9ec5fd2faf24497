package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.Batching;
import io.inferbench.load.LoadProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Load profiles, steps, batching, forks and stability as scenario files declare them. */
class LoadBindingTest {
    private static Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of("test.yaml"), Path.of("."), "backend: { name: synthetic }\n" + yaml);
    }

    private static String problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private static LoadProfile load(String yaml) throws ScenarioException {
        return parse(yaml).configurations().get(0).load();
    }

    @Test
    void everyProfileBinds() throws Exception {
        assertEquals(new LoadProfile.SingleStream(), load(""));
        assertEquals(new LoadProfile.Concurrency(4), load("load: { profile: concurrency, concurrency: 4 }"));
        assertEquals(new LoadProfile.MultiStream(8), load("load: { profile: multi-stream, samples-per-query: 8 }"));
        assertEquals(new LoadProfile.Offline(2), load("load: { profile: offline, workers: 2 }"));
        LoadProfile.Rate r = (LoadProfile.Rate) load("load: { profile: rate, rate: 250.5, arrival: constant, seed: 9 }");
        assertEquals(250.5, r.qps());
        assertEquals(LoadProfile.Arrival.CONSTANT, r.arrival());
        assertEquals(9, r.seed());
        assertEquals(1000, r.maxInFlight());
        assertTrue(Double.isNaN(r.rampToQps()));
        LoadProfile.Rate ramp = (LoadProfile.Rate) load("load: { profile: rate, rate: 10, ramp-to: 100 }");
        assertEquals(100, ramp.rampToQps());
        LoadProfile.PeakSearch ps = (LoadProfile.PeakSearch) load(
                "load: { profile: peak-search, percentile: 99, slo: 50ms, start: 5, max: 500, workers: 2 }");
        assertEquals(LoadProfile.Searched.RATE, ps.searched());
        assertEquals(Duration.ofMillis(50), ps.slo());
        assertEquals(2, ps.template().workers());
        LoadProfile.PeakSearch pc = (LoadProfile.PeakSearch) load(
                "load: { profile: peak-search, search: concurrency, percentile: 90, slo: 1s, max: 16 }");
        assertNull(pc.template());
        assertEquals(16, pc.max());
    }

    @Test
    void listsAreStepsOneConfigurationEach() throws Exception {
        Scenario s = parse("""
                load: { profile: concurrency, concurrency: [1, 2, 4] }
                matrix:
                  speed:
                    fast: { backend: { options: { latency-ms: 1 } } }
                    slow: { backend: { options: { latency-ms: 5 } } }
                """);
        assertEquals(6, s.configurations().size());
        assertEquals(List.of("speed=fast concurrency=1", "speed=fast concurrency=2", "speed=fast concurrency=4",
                        "speed=slow concurrency=1", "speed=slow concurrency=2", "speed=slow concurrency=4"),
                s.configurations().stream().map(ConfigurationSpec::label).toList());
        assertEquals(new LoadProfile.Concurrency(4), s.configurations().get(2).load());
        Scenario rates = parse("load: { profile: rate, rate: [50, 100] }");
        assertEquals(List.of("rate=50", "rate=100"), rates.configurations().stream().map(ConfigurationSpec::label).toList());
    }

    @Test
    void batchingForksAndStabilityBind() throws Exception {
        ConfigurationSpec c = parse("""
                load: { profile: concurrency, concurrency: 8 }
                optimization:
                  batching: { max-batch-size: 8, max-queue-delay: 2ms }
                run:
                  forks: 3
                  timeout: 5m
                  stability: { windows: 4, tolerance: 5%, percentile: 90, warmup-until-stable: true }
                """).configurations().get(0);
        assertEquals(new Batching(8, Duration.ofMillis(2), 1), c.batching());
        assertEquals(3, c.run().forks());
        assertEquals(Duration.ofMinutes(5), c.run().timeout());
        assertEquals(new StabilitySpec(4, 5, 90, true), c.run().stability());
        assertEquals("3", c.settings().get("run.forks"));
    }

    @Test
    void negativeOrZeroRatesAreRejected() {
        assertTrue(problems("load: { profile: rate, rate: -5 }").contains(
                "test.yaml:2:30: load.rate: expected a number >= "), "negative");
        assertTrue(problems("load: { profile: rate, rate: 0 }").contains("load.rate: expected a number"), "zero");
        String step = problems("load: { profile: rate, rate: [10, -1] }");
        assertTrue(step.contains("test.yaml:2:35: load.rate: expected a number"), step);
    }

    @Test
    void anSloNeedsItsPercentileAndTheReverse() {
        assertTrue(problems("load: { profile: peak-search, slo: 50ms }").contains(
                "load: slo needs percentile: the latency percentile held to it"));
        assertTrue(problems("load: { profile: peak-search, percentile: 99 }").contains(
                "load: percentile needs slo:"));
        assertTrue(problems("load: { profile: peak-search, percentile: 100, slo: 5ms }").contains(
                "load.percentile: expected a percentile above 0 and below 100"));
    }

    @Test
    void openAndClosedSettingsCannotBeMixed() {
        String p = problems("load: { profile: concurrency, concurrency: 4, rate: 100 }");
        assertTrue(p.contains("test.yaml:2:53: load.rate: rate applies to profile: rate, not concurrency. "
                + "Open-loop (rate) and closed-loop settings cannot be mixed."), p);
        assertTrue(problems("load: { profile: rate, rate: 100, concurrency: 2 }").contains(
                "load.concurrency: concurrency applies to profile: concurrency, not rate."));
        assertTrue(problems("load: { profile: single-stream, workers: 2 }").contains(
                "load.workers: workers applies to profile: offline or rate or peak-search, not single-stream."));
    }

    @Test
    void impossibleTargetsAreRejected() {
        assertTrue(problems("load: { profile: rate, rate: 5000000 }").contains(
                "load.rate: a rate above 1000000 queries/s cannot be generated"));
        assertTrue(problems("load: { profile: rate, rate: 10, ramp-to: 10 }").contains("ramp-to equals rate"));
        assertTrue(problems("load: { profile: rate, rate: 10, workers: 8, max-in-flight: 4 }").contains(
                "max-in-flight (4) must be at least workers (8)"));
        assertTrue(problems("load: { profile: peak-search, percentile: 99, slo: 5ms, start: 100, max: 10 }")
                .contains("load.max: max (10.0) must not be below start (100.0)"));
        assertTrue(problems("load: { profile: peak-search, percentile: 99, slo: 0ms }").contains(
                "load.slo: the SLO must be longer than 0"));
        assertTrue(problems("load: { profile: concurrency }").contains("profile: concurrency needs concurrency: N"));
        assertTrue(problems("load: { profile: multi-stream }").contains("missing samples-per-query"));
        assertTrue(problems("run: { min-duration: 10s, timeout: 5s }").contains(
                "run.timeout: timeout (5s) is shorter than min-duration (10s)"));
        assertTrue(problems("run: { stability: { percentile: 95 } }").contains(
                "stability compares p50, p90 or p99 per window"));
        assertTrue(problems("optimization: { batching: { max-queue-delay: 1ms } }").contains(
                "batching needs max-batch-size"));
        assertTrue(problems("""
                load: { profile: multi-stream, samples-per-query: 4 }
                optimization: { batching: { max-batch-size: 4 } }
                """).contains("dynamic batching works with single-stream, concurrency, offline, rate"));
    }

    @Test
    void peakSearchProbesAreRateOrConcurrencyProfiles() throws Exception {
        LoadProfile.PeakSearch ps = (LoadProfile.PeakSearch) load(
                "load: { profile: peak-search, percentile: 99, slo: 50ms, arrival: constant }");
        assertInstanceOf(LoadProfile.Rate.class, ps.probe(40));
        assertEquals(40, ((LoadProfile.Rate) ps.probe(40)).qps());
        assertEquals(LoadProfile.Arrival.CONSTANT, ((LoadProfile.Rate) ps.probe(40)).arrival());
    }
}
