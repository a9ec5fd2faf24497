package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The speed figure: a 20-configuration run, every metric, against 100 earlier runs, in well under 2 s. */
class GateSpeedTest {
    private static RunObservations run(int night, Random random) {
        Map<SeriesKey, Observation> observations = new LinkedHashMap<>();
        for (int c = 0; c < 20; c++) {
            for (MetricKind metric : MetricKind.values()) {
                double base = metric == MetricKind.ACCURACY ? 0.9 : 10 + c;
                double value = metric == MetricKind.ACCURACY ? base + 0.002 * random.nextGaussian()
                        : base * Math.exp(0.03 * random.nextGaussian());
                Observation o = Observation.of(value, value * 0.99, value * 1.01, 5_000);
                observations.put(new SeriesKey("config-" + c, metric), o);
            }
        }
        return new RunObservations("night-" + night, observations);
    }

    @Test
    void decidesTwentyConfigurationsAgainstAHundredRunsWellUnderTwoSeconds() {
        Random random = new Random(5);
        List<RunObservations> history = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            history.add(run(n, random));
        }
        RunObservations tonight = run(100, random);
        for (int lookback : new int[] {GateSettings.DEFAULT.lookback(), 100}) {
            RegressionGate gate = new RegressionGate(GateSettings.DEFAULT.withLookback(lookback));
            long start = System.nanoTime();
            GateDecision first = gate.decide(tonight, history);
            double coldMs = (System.nanoTime() - start) / 1e6;
            int repeats = 20;
            start = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                gate.decide(tonight, history);
            }
            double warmMs = (System.nanoTime() - start) / 1e6 / repeats;
            System.out.printf("gate: 20 configurations x %d metrics against 100 earlier runs (lookback %d):"
                    + " %.1f ms first call, %.2f ms warm%n", MetricKind.values().length, lookback, coldMs, warmMs);
            assertEquals(20 * MetricKind.values().length, first.verdicts().size());
            assertTrue(coldMs < 2000, "first decision took " + coldMs + " ms");
            assertTrue(warmMs < 200, "a decision took " + warmMs + " ms");
        }
    }
}
