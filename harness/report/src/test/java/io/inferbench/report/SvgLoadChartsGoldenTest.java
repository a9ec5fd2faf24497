package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The throughput-vs-latency chart of the seeded peak search and the over-time chart of the seeded
 * open loop ({@link LoadFixtures}), compared with {@code report/tradeoff-chart.svg} and
 * {@code report/timeline-chart.svg}. After an intended change, regenerate with
 * {@code -Dinferbench.updateGolden=true} and review the diff.
 */
class SvgLoadChartsGoldenTest {
    private static final Path FOLDER = Path.of("src", "test", "resources", "report");

    @Test
    void peakSearchChartMatchesTheGoldenFile() throws IOException {
        ReportView.Figure f = ReportViewFactory.create(LoadFixtures.run()).charts().tradeoffs().get(0);
        compare(FOLDER.resolve("tradeoff-chart.svg"), f.svg());
    }

    @Test
    void openLoopTimelineMatchesTheGoldenFile() throws IOException {
        ReportView.Figure f = ReportViewFactory.create(LoadFixtures.run()).charts().timelines().get(0);
        assertEquals(LoadFixtures.OPEN_LOOP_LABEL, f.title());
        compare(FOLDER.resolve("timeline-chart.svg"), f.svg());
    }

    private static void compare(Path golden, String svg) throws IOException {
        String text = svg + "\n";
        if (Boolean.getBoolean("inferbench.updateGolden")) {
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
    }
}
