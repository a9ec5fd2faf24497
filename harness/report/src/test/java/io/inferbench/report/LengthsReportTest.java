package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.HistogramCodec;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.InputFeed;
import io.inferbench.result.InputLengths;
import io.inferbench.result.LengthLatency;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.stats.LengthLatencies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Latency by input length" section: the table and chart from each configuration's buckets, the
 * padded and the unpadded median side by side with why they differ, and the records through JSON.
 */
class LengthsReportTest {
    private static final String PADDED = "precision=int8 threads=1";
    private static final String OWN = "precision=int8-unpadded threads=1";

    @Test
    void theSectionShowsEachBucketAndThePaddedBesideTheUnpaddedFigure() {
        String html = new ReportRenderer().render(run(PADDED, "1"));
        assertTrue(html.contains("<h2>Latency by input length</h2>"));
        assertTrue(html.contains("≤ 16 tokens") && html.contains("17–32 tokens"), "both buckets");
        assertTrue(html.contains("length-chart"), "the SVG chart");
        assertTrue(html.contains("none: fed 12–21 tokens (median 15)"), "the unpadded padding with its lengths");
        String finding = between(html, OWN + " fed its texts", "own length.");
        assertTrue(finding.contains("at 12–21 tokens (median 15) (padding: none): p50 2.20 ms")
                && finding.contains("against 13.3 ms"), finding);
        assertTrue(finding.contains("padded to 128 tokens") && finding.contains("They differ because"), finding);
    }

    @Test
    void aTwinThatDiffersInAnotherSettingIsNotComparedWith() {
        String html = new ReportRenderer().render(run(PADDED, "2"));
        assertTrue(html.contains("<h2>Latency by input length</h2>"), "the buckets are still shown");
        assertFalse(html.contains("They differ because"), "threads 2 against 1 is not the padding's doing");
    }

    @Test
    void noSectionWithoutLatencyByLength() {
        String html = new ReportRenderer().render(ReportFixtures.run());
        assertFalse(html.contains("id=\"lengths\""));
    }

    @Test
    void latencyByLengthSurvivesTheJsonAndForksMergeBucketByBucket(@TempDir Path dir) throws IOException {
        RunResult run = run(PADDED, "1");
        Path file = dir.resolve("r/result.json");
        ResultJson.write(run, file);
        RunResult read = ResultJson.read(file);
        assertEquals(run, read);
        List<LengthLatency> own = read.configurations().get(1).measurement().byLength();
        assertEquals(2, own.size());
        List<LengthLatency> merged = LengthLatencies.merge(List.of(own, own.subList(1, 2)));
        assertEquals(own.get(0).queries(), merged.get(0).queries(), "a bucket only one fork saw");
        assertEquals(2 * own.get(1).queries(), merged.get(1).queries(), "the same bucket of two forks added");
    }

    /** A padded int8 configuration and its unpadded twin (whose threads setting is {@code ownThreads}). */
    private static RunResult run(String paddedLabel, String ownThreads) {
        RunResult base = ReportFixtures.run();
        ConfigurationResult template = base.configurations().get(0);
        ConfigurationResult padded = configuration(template, "c01", paddedLabel, "1", null, 13.3,
                List.of(bucket(1, 16, "128", 13.2, 1), bucket(17, 32, "128", 13.4, 2)));
        ConfigurationResult own = configuration(template, "c02", OWN, ownThreads, "none", 2.2,
                List.of(bucket(1, 16, "12–16", 1.9, 3), bucket(17, 32, "17–21", 2.4, 4)));
        return new RunResult(base.schema(), base.runId(), base.startedAt(), base.finishedAt(), base.scenario(),
                base.environment(), List.of(padded, own), base.summary(), null, null);
    }

    private static ConfigurationResult configuration(ConfigurationResult template, String id, String label,
                                                     String threads, String padding, double p50,
                                                     List<LengthLatency> buckets) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("backend.options.intra-op-threads", threads);
        if (padding != null) {
            settings.put("inputs.text.padding", padding);
        }
        ConfigurationSetup t = template.setup();
        ConfigurationSetup setup = new ConfigurationSetup(id, label, Map.of(), t.backend(), t.device(), t.load(),
                t.model(), new InputFeed("text:data/sentences.txt", 1, 128, 64, 42, padding, null), null, settings);
        var m = template.measurement();
        var latency = new io.inferbench.result.LatencySummary(m.latency().count(), p50, m.latency().meanCi95Ms(),
                m.latency().stdevMs(), m.latency().minMs(), m.latency().maxMs(),
                List.of(new io.inferbench.result.PercentileEstimate(50, p50,
                        new io.inferbench.api.Interval(p50 * 0.98, p50 * 1.02, true))));
        var measured = new io.inferbench.result.PhaseResult(m.queries(), m.samples(), 0, null, m.durationMs(),
                m.throughputQps(), m.throughputCi95Qps(), m.samplesPerSecond(), latency, m.histogram(), m.timeline())
                .withByLength(buckets);
        var session = padding == null ? template.session()
                : template.session().withLengths(InputLengths.of(padding, new int[] {12, 15, 16, 21},
                        new int[] {12, 15, 16, 21}));
        return new ConfigurationResult(setup, session, template.outcome(),
                PhasesResult.once(template.phases().warmup(), measured, null), template.resources(), List.of());
    }

    private static LengthLatency bucket(int from, int to, String fed, double medianMs, long seed) {
        Histogram h = HistogramCodec.newHistogram();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            h.recordValue(Math.round(medianMs * 1e6 * StrictMath.exp(0.05 * random.nextGaussian())));
        }
        return LengthLatencies.of(from, to, fed, h);
    }

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        assertTrue(a >= 0, "no '" + from + "' in the report");
        int b = html.indexOf(to, a);
        return html.substring(a, b < 0 ? html.length() : b + to.length());
    }
}
