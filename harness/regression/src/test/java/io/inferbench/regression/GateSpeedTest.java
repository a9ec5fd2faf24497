package io.inferbench.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.gate.GateSettings;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.GateRecord;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.TimelinePoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed figure: gating a 20-configuration run against 100 earlier runs, read from disk
 * as the command does (results of realistic size: a histogram and a timeline per configuration).
 * Printed, not asserted: timing assertions fail on a busy machine and prove nothing on an idle one.
 */
class GateSpeedTest {
    @TempDir
    Path results;

    @Test
    void gatesTwentyConfigurationsAgainstAHundredRuns() throws Exception {
        List<RunResult> nights = Runs.nights("speed", 101, 20, 0.02, 42);
        Random random = new Random(1);
        byte[] histogram = new byte[6_000];
        long bytes = 0;
        for (RunResult night : nights.subList(0, 100)) {
            random.nextBytes(histogram);
            RunResult sized = realisticSize(night, Base64.getEncoder().encodeToString(histogram));
            Path file = results.resolve(night.runId()).resolve("result.json");
            ResultJson.write(sized, file);
            bytes += java.nio.file.Files.size(file);
        }
        RunResult tonight = nights.get(100);
        NightlyGate gate = new NightlyGate(GateSettings.DEFAULT);
        double best = Double.MAX_VALUE;
        double first = 0;
        GateRecord record = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HistoryScan scan = RunHistory.scan(results, tonight, false);
            long read = System.nanoTime();
            record = gate.judge(tonight, GateBaseline.of(scan, results.toString()));
            System.out.printf(java.util.Locale.ROOT, "gate speed: reading %.2f s, judging %.2f s%n",
                    (read - start) / 1e9, (System.nanoTime() - read) / 1e9);
            double seconds = (System.nanoTime() - start) / 1e9;
            first = i == 0 ? seconds : first;
            best = Math.min(best, seconds);
        }
        assertEquals(100, record.historyRunIds().size());
        RunResult light = ResultJson.readFigures(results.resolve(nights.get(0).runId()).resolve("result.json"));
        PhaseResult m = light.configurations().get(0).measurement();
        assertEquals(null, m.histogram());
        assertEquals(List.of(), m.timeline());
        assertEquals(nights.get(0).configurations().get(0).measurement().latency(), m.latency());
        assertEquals(60, record.verdicts().size());
        System.out.printf(java.util.Locale.ROOT, "gate speed: 20 configurations against 100 earlier runs (%.1f MB "
                + "of results read) in %.2f s the first time in this JVM, %.2f s at best of 3 (reading included)%n",
                bytes / 1e6, first, best);
    }

    /** The night with a histogram and a 30-point timeline per configuration, as real results carry. */
    private static RunResult realisticSize(RunResult night, String histogram) {
        List<ConfigurationResult> configs = new ArrayList<>();
        for (ConfigurationResult c : night.configurations()) {
            PhaseResult m = c.measurement();
            List<TimelinePoint> timeline = new ArrayList<>();
            for (int s = 0; s < 30; s++) {
                timeline.add(new TimelinePoint(s, s + 1, 100, 0, m.throughputQps(), m.latency().valueMs(50),
                        m.latency().valueMs(50) * 1.5, m.latency().valueMs(99), m.latency().maxMs()));
            }
            PhaseResult sized = new PhaseResult(m.queries(), m.samples(), m.errors(), m.firstError(), m.durationMs(),
                    m.throughputQps(), m.throughputCi95Qps(), m.samplesPerSecond(), m.latency(), histogram, timeline);
            configs.add(new ConfigurationResult(c.setup(), c.session(), c.outcome(),
                    PhasesResult.once(sized, sized, null), c.resources(), c.accuracy()));
        }
        return night.withConfigurations(configs, night.finishedAt());
    }
}
