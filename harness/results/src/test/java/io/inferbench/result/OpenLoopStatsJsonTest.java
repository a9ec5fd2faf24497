package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The open loop's in-flight peak round-trips, and results written before it read back with 0. */
class OpenLoopStatsJsonTest {
    private static final OpenLoopStats STATS = new OpenLoopStats("constant", 5000, Double.NaN, 4999.5, 50_000, 0,
            false, 10_000, 0.02, 0.3, 4.5, 12, 1, 0.03, 0.4, 37);

    @Test
    void thePeakInFlightRoundTrips() throws Exception {
        String json = ResultJson.mapper().writeValueAsString(STATS);
        assertTrue(json.contains("\"peakInFlight\" : 37"), json);
        assertEquals(STATS, ResultJson.mapper().readValue(json, OpenLoopStats.class));
    }

    @Test
    void aResultWrittenBeforeThePeakReadsBackWithZero() throws Exception {
        String old = ResultJson.mapper().writeValueAsString(STATS).replace(",\n  \"peakInFlight\" : 37", "");
        assertTrue(!old.contains("peakInFlight"), old);
        OpenLoopStats read = ResultJson.mapper().readValue(old, OpenLoopStats.class);
        assertEquals(0, read.peakInFlight());
        assertEquals(STATS.lagP99Ms(), read.lagP99Ms());
    }
}
