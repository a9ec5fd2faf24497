package io.inferbench.api;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Linux CPU lists as sysfs, {@code /proc/PID/status} and {@code taskset -c} write them:
 * {@code 0-3,6}. One writer for the scenario's {@code hardware.cpus} messages and the
 * environment's records, so both read alike.
 */
public final class CpuLists {
    private CpuLists() {
    }

    /** {@code [5, 0, 1, 2]} as {@code 0-2,5}: sorted, duplicates dropped, runs as ranges. */
    public static String format(Collection<Integer> cpus) {
        StringBuilder b = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int c : new TreeSet<>(cpus)) {
            if (prev != null && c == prev + 1) {
                prev = c;
                continue;
            }
            append(b, start, prev);
            start = c;
            prev = c;
        }
        append(b, start, prev);
        return b.toString();
    }

    private static void append(StringBuilder b, Integer start, Integer end) {
        if (start != null) {
            b.append(b.isEmpty() ? "" : ",").append(start).append(end.equals(start) ? "" : "-" + end);
        }
    }
}
