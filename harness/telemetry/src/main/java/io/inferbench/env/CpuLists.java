package io.inferbench.env;

import java.util.List;
import java.util.TreeSet;

/** Linux CPU lists as sysfs and {@code taskset -c} write them: {@code 0-3,6}. */
final class CpuLists {
    private CpuLists() {
    }

    /** {@code [0, 1, 2, 5]} as {@code 0-2,5}. */
    static String format(List<Integer> cpus) {
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
        if (start == null) {
            return;
        }
        b.append(b.isEmpty() ? "" : ",").append(start);
        if (!end.equals(start)) {
            b.append('-').append(end);
        }
    }
}
