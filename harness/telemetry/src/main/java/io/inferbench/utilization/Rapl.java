package io.inferbench.utilization;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Pure helpers for Linux RAPL energy counters under {@code /sys/class/powercap}: each zone has a
 * cumulative {@code energy_uj} that wraps to 0 after {@code max_energy_range_uj}.
 */
public final class Rapl {
    /** Top-level zones, {@code intel-rapl:0}; sub-zones such as {@code intel-rapl:0:0} (cores, dram) are inside them. */
    private static final Pattern TOP_LEVEL_ZONE = Pattern.compile("intel-rapl:\\d+");

    private Rapl() {
    }

    /**
     * Whether a powercap directory is a CPU package to be summed. Top-level zones are usually
     * packages, but some machines also have a {@code psys} (whole platform) zone there, which
     * already contains the packages and would count them twice.
     *
     * @param dirName  directory name, e.g. {@code intel-rapl:0} (AMD uses the same name)
     * @param zoneName contents of the zone's {@code name} file, e.g. {@code package-0}; null if unreadable
     */
    public static boolean isPackageZone(String dirName, String zoneName) {
        if (dirName == null || !TOP_LEVEL_ZONE.matcher(dirName).matches()) {
            return false;
        }
        return zoneName == null || zoneName.strip().toLowerCase(Locale.ROOT).startsWith("package");
    }

    /**
     * @param text contents of {@code energy_uj} or {@code max_energy_range_uj}; may be null
     * @return microjoules, or empty when not a non-negative number
     */
    public static OptionalLong parseMicrojoules(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(text.strip());
            return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Energy between two readings of one counter. Assumes at most one wrap in between, which holds
     * when sampled every few seconds: the range is typically 2^32 µJ or more, minutes at full power.
     *
     * @param previous  earlier reading, µJ
     * @param current   later reading, µJ
     * @param maxRange  {@code max_energy_range_uj}; 0 or less when unknown
     * @return µJ consumed; -1 when the counter went backwards and its range is unknown
     */
    public static long deltaMicrojoules(long previous, long current, long maxRange) {
        if (current >= previous) {
            return current - previous;
        }
        if (maxRange <= 0 || previous > maxRange) {
            return -1;
        }
        // Wrapped: up to the top of the range, then from 0 to current.
        return maxRange - previous + current;
    }
}
