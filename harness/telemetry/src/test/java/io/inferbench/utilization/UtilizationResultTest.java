package io.inferbench.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.PhaseMark;
import io.inferbench.result.ResultJson;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Summary, per-phase energy and JSON round trip of a hand-made timeline. */
class UtilizationResultTest {
    private static UtilizationSample sample(double t, double cpu, double watts, long rss, long gc) {
        return new UtilizationSample(t, cpu, cpu / 2, List.of(cpu / 2, Double.NaN), rss, 100, 200, gc, 7, Double.NaN,
                -1, Double.NaN, watts);
    }

    private static UtilizationResult result() {
        // 1 s at 10 W, 1 s at 20 W, 0.5 s at 40 W; warmup is the first 1.5 s.
        List<UtilizationSample> timeline = List.of(sample(1.0, 100, 10, 1000, 3), sample(2.0, 200, 20, 3000, 0),
                sample(2.5, 50, 40, 2000, 2));
        return Summaries.summarize(1.0, 2, timeline,
                List.of(new PhaseMark("measurement", 1.5), new PhaseMark("warmup", 0)), -1, List.of("GPU: none"));
    }

    @Test
    void summaryIsTimeWeighted() {
        UtilizationResult r = result();
        assertEquals(2.5, r.durationSeconds());
        assertEquals((100 + 200 + 25) / 2.5, r.meanProcessCpuPercentOfOneCore(), 1e-9);
        assertEquals(200, r.maxProcessCpuPercentOfOneCore());
        assertEquals(r.meanProcessCpuPercentOfOneCore() / 2, r.meanProcessCpuPercentOfMachine(), 1e-9);
        assertEquals(3000, r.peakRssBytes(), "without VmHWM the largest sampled RSS");
        assertEquals(5, r.totalGcMs());
        assertEquals(7, r.maxThreads());
        assertEquals(50.0, r.energyJoules(), 1e-9);
        assertEquals(20.0, r.meanPackageWatts(), 1e-9);
        assertTrue(Double.isNaN(r.gpuEnergyJoules()));
        assertEquals(List.of("warmup", "measurement"), r.phases().stream().map(PhaseMark::phase).toList());
    }

    @Test
    void energyPerPhaseIsProRata() {
        UtilizationResult r = result();
        assertEquals(10 + 0.5 * 20, r.energyJoules("warmup"), 1e-9);
        assertEquals(0.5 * 20 + 0.5 * 40, r.energyJoules("measurement"), 1e-9);
        assertEquals(30.0 / 300, r.joulesPerInference("measurement", 300), 1e-12);
        assertEquals(50.0 / 100, r.joulesPerInference(100), 1e-12);
        assertTrue(Double.isNaN(r.energyJoules("cooldown")));
        assertTrue(Double.isNaN(r.joulesPerInference(0)));
    }

    @Test
    void roundTripsThroughResultJsonWithNaN() throws Exception {
        UtilizationResult r = result();
        String json = ResultJson.mapper().writeValueAsString(r);
        UtilizationResult back = ResultJson.mapper().readValue(json, UtilizationResult.class);
        assertEquals(json, ResultJson.mapper().writeValueAsString(back));
        assertTrue(back.timeline().get(0).perCoreBusyPercent().get(1).isNaN());
        assertTrue(Double.isNaN(back.timeline().get(0).gpuPowerWatts()));
        assertTrue(json.contains("\"unavailable\""));
    }
}
