package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inferbench.api.Interval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void latenciesKeepAboutThreeSignificantDigits() {
        assertEquals("0.482", Formats.ms(0.48213));
        assertEquals("4.27", Formats.ms(4.2666));
        assertEquals("31.6", Formats.ms(31.61));
        assertEquals("1,204", Formats.ms(1204.4));
        assertEquals("0.0123", Formats.ms(0.012345));
        assertEquals("0", Formats.ms(0));
        assertEquals("9.99", Formats.ms(9.994));
        assertEquals(Formats.MISSING, Formats.ms(Double.NaN));
    }

    @Test
    void ratesCountsAndSizes() {
        assertEquals("812", Formats.rate(812.4));
        assertEquals("9.50", Formats.rate(9.5));
        assertEquals("24,360", Formats.count(24_360));
        assertEquals("512 B", Formats.bytes(512));
        assertEquals("97.8 MiB", Formats.bytes(102_548_263L));
        assertEquals("64.0 GiB", Formats.bytes(68_719_476_736L));
    }

    @Test
    void durationsAndInstants() {
        assertEquals("850 ms", Formats.duration(850));
        assertEquals("12.3 s", Formats.duration(12_340));
        assertEquals("2 min 05 s", Formats.duration(125_000));
        assertEquals("2026-11-22 10:15:00 UTC", Formats.instant(Instant.parse("2026-11-22T10:15:00Z")));
        assertEquals(Formats.MISSING, Formats.between(Instant.EPOCH, null));
    }

    @Test
    void intervals() {
        assertEquals("1.20–1.26", Formats.range(new Interval(1.2, 1.26, true)));
        assertNull(Formats.range(null));
    }

    @Test
    void niceAxisScales() {
        NiceScale s = NiceScale.covering(9.85, 5);
        assertEquals(10, s.max(), 1e-9);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), s.ticks());
        assertEquals(0.3, NiceScale.covering(0.27, 4).max(), 1e-9);
        assertEquals("2.5", NiceScale.label(2.5));
        assertEquals("1,000", NiceScale.label(1000));
    }
}
