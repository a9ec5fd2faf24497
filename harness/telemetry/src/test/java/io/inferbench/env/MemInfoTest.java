package io.inferbench.env;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemInfoTest {
    private static final String MEMINFO = """
            MemTotal:       24731700 kB
            MemFree:        23733828 kB
            MemAvailable:   24242880 kB
            Buffers:           12345 kB
            """;

    @Test
    void memTotalInBytes() {
        assertEquals(OptionalLong.of(24731700L * 1024), MemInfo.totalBytes(MEMINFO));
    }

    @Test
    void memTotalNotFirstLine() {
        assertEquals(OptionalLong.of(1024L * 1024), MemInfo.totalBytes("MemFree: 5 kB\nMemTotal: 1024 kB\n"));
    }

    @Test
    void missingOrMalformedGivesEmpty() {
        assertEquals(OptionalLong.empty(), MemInfo.totalBytes(null));
        assertEquals(OptionalLong.empty(), MemInfo.totalBytes("MemFree: 5 kB\n"));
        assertEquals(OptionalLong.empty(), MemInfo.totalBytes("MemTotal: lots kB\n"));
        assertEquals(OptionalLong.empty(), MemInfo.totalBytes("MemTotal: 0 kB\n"));
        assertEquals(OptionalLong.empty(), MemInfo.totalBytes("MemTotal: 5 parsecs\n"));
    }
}
