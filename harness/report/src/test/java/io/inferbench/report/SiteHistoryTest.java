package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History pages keyed as the gate keys a series (scenario, configuration, machine fingerprint), and
 * change points on every gated metric: 24 nights derived from the real cross-backend run.
 */
class SiteHistoryTest {
    private static final String NIGHT_13 = "20261122-023509-cross-backend-derived-night-013";

    private static List<RunResult> nights(java.util.function.UnaryOperator<RunResult> fromNight13) {
        List<RunResult> runs = new ArrayList<>(SiteFixtures.nightly(SiteFixtures.crossBackend(), 24, 5, n -> 1.0));
        for (int i = 12; i < runs.size(); i++) {
            runs.set(i, fromNight13.apply(runs.get(i)));
        }
        return runs;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * From night 13 the machine has another onnxruntime and every latency is 30% higher: an
     * environment change marked at night 13 in each chart, with the diff, and no detected change.
     */
    @Test
    void environmentChangeIsMarkedWhereTheFingerprintChangesAndNeverCountsAsAChange(@TempDir Path dir)
            throws IOException {
        List<RunResult> runs = nights(r -> SiteFixtures.withLibrary(SiteFixtures.scaled(r, 1.3), "onnxruntime",
                "9.9.9"));
        new SiteBuilder(new ReportRenderer()).build(runs, dir);
        String history = Files.readString(dir.resolve("scenarios/cross-backend.html"));
        assertEquals(4, count(history, "<svg[^>]*history-chart"), "one chart per configuration");
        assertEquals(4, count(history, "<g class=\"environment\">"), "one environment marker per chart");
        // The marker stands before night 13's point: its tooltip names that run and what changed.
        Matcher marker = Pattern.compile("<g class=\"environment\"><title>([^<]*)</title>").matcher(history);
        assertTrue(marker.find());
        assertTrue(marker.group(1).contains("environment change at run " + NIGHT_13), marker.group(1));
        assertTrue(marker.group(1).contains("onnxruntime"), marker.group(1));
        assertTrue(marker.group(1).contains("→ 9.9.9"), marker.group(1));
        assertEquals(4, count(history, "<caption>Environment changes in this series</caption>"));
        assertTrue(history.contains(">" + NIGHT_13 + "</a></td>"), "the table lists night 13");
        // The 30% step coincides with the new machine: a new series, not a change.
        assertTrue(history.contains("No change in median latency detected"), "no change point at the machine change");
        assertFalse(history.contains("<g class=\"change\">"), "no change marker");
        String index = Files.readString(dir.resolve("index.html"));
        assertEquals(1, count(index, "environment changed here"));
        assertEquals(0, count(index, "changes? detected here"));
    }

    /** The same machine throughout; from night 13 the tail (p99 and above) is 30% longer, the median as it was. */
    @Test
    void changePointsAreFoundOnP99WhenOnlyP99Shifts(@TempDir Path dir) throws IOException {
        new SiteBuilder(new ReportRenderer()).build(nights(r -> SiteFixtures.withTail(r, 1.3)), dir);
        String p99 = Files.readString(dir.resolve("scenarios/p99/cross-backend.html"));
        assertEquals(4, count(p99, ": p99 latency \\+[0-9.]+% from run " + NIGHT_13), p99.lines()
                .filter(l -> l.contains("p99 latency")).toList().toString());
        assertEquals(4, count(p99, "<g class=\"change\">"), "a change marker in each p99 chart");
        String p50 = Files.readString(dir.resolve("scenarios/cross-backend.html"));
        assertTrue(p50.contains("No change in median latency detected"), "the median did not move");
        assertEquals(0, count(p50, "<g class=\"change\">"), "no change marker on the median charts");
        assertEquals(4, count(p50, ": p99 latency \\+"), "the p50 page lists the p99 changes too");
        assertTrue(p50.contains("href=\"../scenarios/p99/cross-backend.html\""), "the metric chooser links the p99 page");
        assertTrue(Files.readString(dir.resolve("scenarios/throughput/cross-backend.html"))
                .contains("No change in throughput detected"));
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("4 changes detected here"), "night 13 carries the four p99 changes");
    }
}
