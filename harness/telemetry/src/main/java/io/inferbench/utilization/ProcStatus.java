package io.inferbench.utilization;

import java.util.OptionalLong;

/** Pure parsing of Linux {@code /proc/self/status}: memory and thread figures. */
public final class ProcStatus {
    private ProcStatus() {
    }

    /**
     * @param rssBytes     {@code VmRSS}, resident set size now; -1 when absent
     * @param peakRssBytes {@code VmHWM}, the largest resident set size of the process's life; -1 when absent
     * @param threads      {@code Threads}, OS threads; -1 when absent
     */
    public record Memory(long rssBytes, long peakRssBytes, int threads) {
    }

    /**
     * @param status contents of {@code /proc/self/status}; may be null
     * @return the figures, each -1 when its line is absent or malformed
     */
    public static Memory parse(String status) {
        return new Memory(kiloBytes(status, "VmRSS").orElse(-1), kiloBytes(status, "VmHWM").orElse(-1),
                (int) number(status, "Threads").orElse(-1));
    }

    /** A {@code Key:   123 kB} line in bytes (the kernel's kB is 1024 bytes). */
    static OptionalLong kiloBytes(String status, String key) {
        OptionalLong kb = number(status, key);
        return kb.isPresent() ? OptionalLong.of(kb.getAsLong() * 1024) : kb;
    }

    /** The first number after {@code Key:}. */
    static OptionalLong number(String status, String key) {
        if (status == null) {
            return OptionalLong.empty();
        }
        String prefix = key + ":";
        for (String line : status.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] f = line.substring(prefix.length()).trim().split("\\s+");
                try {
                    long v = Long.parseLong(f[0]);
                    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
