package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The latency chart of the seeded fixture, compared with {@code report/latency-chart.svg}. After an
 * intended change, regenerate with {@code -Dinferbench.updateGolden=true} and review the diff.
 */
class SvgLatencyChartGoldenTest {
    // Read from the source tree (Maven runs tests in the module folder), where an update writes it.
    private static final Path GOLDEN = Path.of("src", "test", "resources", "report", "latency-chart.svg");

    @Test
    void fixtureChartMatchesTheGoldenFile() throws IOException {
        String svg = ReportViewFactory.create(ReportFixtures.run()).charts().latency() + "\n";
        if (Boolean.getBoolean("inferbench.updateGolden")) {
            Files.writeString(GOLDEN, svg, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), svg);
    }
}
