package io.inferbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, overrides and the messages of bad settings. */
class GateSettingsTest {
    @Test
    void defaults() {
        GateSettings d = GateSettings.DEFAULT;
        assertEquals(0.005, d.alpha());
        assertEquals(30, d.lookback());
        assertEquals(3, d.minHistoryRuns());
        assertTrue(d.commonModeCorrection());
        for (MetricKind kind : MetricKind.values()) {
            assertEquals(kind.defaultThreshold(), d.threshold(kind), kind.label());
        }
    }

    @Test
    void overridesChangeOnlyWhatTheyName() {
        GateSettings s = GateSettings.DEFAULT.withThreshold(MetricKind.P99, 0.08).withAlpha(0.01).withLookback(50)
                .withCommonModeCorrection(false);
        assertEquals(0.08, s.threshold(MetricKind.P99));
        assertEquals(0.05, s.threshold(MetricKind.P50));
        assertEquals(0.01, s.alpha());
        assertEquals(50, s.lookback());
        assertFalse(s.commonModeCorrection());
        GateSettings partial = new GateSettings(0.01, 30, 3, Map.of(MetricKind.ACCURACY, 0.5), true, 5, 0.8);
        assertEquals(0.5, partial.threshold(MetricKind.ACCURACY));
        assertEquals(0.10, partial.threshold(MetricKind.PEAK_RSS));
    }

    @Test
    void badSettingsAreRefusedWithTheFieldNamed() {
        assertEquals("alpha must be in (0, 0.5), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GateSettings.DEFAULT.withAlpha(0)).getMessage());
        assertEquals("lookback must be at least minHistoryRuns (3), got 2",
                assertThrows(IllegalArgumentException.class, () -> GateSettings.DEFAULT.withLookback(2)).getMessage());
        assertEquals("threshold of p50 must be finite and >= 0, got -0.1", assertThrows(IllegalArgumentException.class,
                () -> GateSettings.DEFAULT.withThreshold(MetricKind.P50, -0.1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GateSettings(0.01, 30, 1, Map.of(), true, 5, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new GateSettings(0.01, 30, 3, Map.of(), true, 2, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new GateSettings(0.01, 30, 3, Map.of(), true, 5, 1.0));
    }
}
