package io.inferbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON formats have the shapes their tools read. */
class JsonFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(ExportFormat format) throws Exception {
        return JSON.readTree(Golden.fixture(format, true));
    }

    @Test
    void githubBenchmarkEntriesHaveNameUnitValueAndSplitByDirection() throws Exception {
        List<String> smaller = new ArrayList<>();
        for (JsonNode e : read(ExportFormat.GITHUB_BENCHMARK)) {
            assertTrue(e.get("name").isTextual() && e.get("unit").isTextual() && e.get("value").isNumber(), e.toString());
            smaller.add(e.get("name").asText());
        }
        List<String> bigger = new ArrayList<>();
        for (JsonNode e : read(ExportFormat.GITHUB_BENCHMARK_BIGGER)) {
            assertTrue(e.get("value").isNumber(), e.toString());
            bigger.add(e.get("name").asText());
        }
        assertTrue(smaller.stream().allMatch(n -> n.matches(".*/ (p50|p99|peak-rss|energy-per-inference)")), smaller.toString());
        assertTrue(bigger.stream().allMatch(n -> n.matches(".*/ (throughput|accuracy)")), bigger.toString());
        assertEquals(6, smaller.size());
        assertEquals(3, bigger.size());
        assertTrue(smaller.stream().noneMatch(n -> n.contains("fp16") || n.contains("gpu")), "failed and skipped left out");
    }

    @Test
    void bmfHasLatencyInNanosecondsWithItsInterval() throws Exception {
        JsonNode latency = read(ExportFormat.BMF).get("nightly/precision=fp32 threads=1").get("latency");
        assertEquals(4_250_000.0, latency.get("value").asDouble());
        assertEquals(4_200_000.0, latency.get("lower_value").asDouble(), 1e-6);
        assertEquals(4_290_000.0, latency.get("upper_value").asDouble(), 1e-6);
    }

    @Test
    void jmhEntriesAreSampleModeInMillisecondsPerOperation() throws Exception {
        JsonNode results = read(ExportFormat.JMH);
        assertEquals(2, results.size(), "the two measured configurations");
        JsonNode first = results.get(0);
        assertEquals("inferbench.nightly.latency", first.get("benchmark").asText());
        assertEquals("sample", first.get("mode").asText());
        assertEquals("fp32", first.get("params").get("precision").asText());
        JsonNode primary = first.get("primaryMetric");
        assertEquals("ms/op", primary.get("scoreUnit").asText());
        assertEquals(2, primary.get("scoreConfidence").size());
        assertEquals(4.25, primary.get("scorePercentiles").get("50.0").asDouble());
        long count = 0;
        for (JsonNode bucket : primary.get("rawDataHistogram").get(0).get(0)) {
            count += bucket.get(1).asLong();
        }
        assertEquals(1200, count, "the fork's latencies, as [value, count] pairs");
        assertEquals(9.75, first.get("secondaryMetrics").get("p0.99").get("score").asDouble());
        double previous = 0;
        for (JsonNode p : primary.get("scorePercentiles")) {
            assertTrue(p.asDouble() >= previous, "percentiles never decrease");
            previous = p.asDouble();
        }
    }
}
