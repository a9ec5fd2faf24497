package io.inferbench.env;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Every process's CPU time at one instant, from {@code /proc/PID/stat}: what the noise guard
 * compares two of to find the other processes that were busy in between. Parsing is pure
 * ({@link #parseStat}); reading never throws (a process that exits meanwhile is skipped).
 */
final class ProcessTable {
    /** The kernel's USER_HZ: {@code utime}/{@code stime} clock ticks per second (100 on x86 and arm64). */
    static final long USER_HZ = 100;

    /** One process: its command name, parent and user + system CPU time in clock ticks. */
    record Entry(String command, long parent, long ticks) {
    }

    /** The table: pid to entry, at {@code nanoTime}. */
    record Snapshot(long nanoTime, Map<Long, Entry> processes) {
    }

    private ProcessTable() {
    }

    /** Reads every {@code procRoot/PID/stat} except the {@code excluded} pids'. */
    static Snapshot read(Path procRoot, Set<Long> excluded) {
        Map<Long, Entry> table = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (excluded.contains(pid)) {
                    continue;
                }
                try {
                    parseStat(Files.readString(d.resolve("stat"), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .ifPresent(e -> table.put(pid, e));
                } catch (IOException | RuntimeException e) {
                    // exited between listing and reading, or not ours to read: skip it
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: an empty table (the caller notes it)
        }
        return new Snapshot(System.nanoTime(), table);
    }

    /** {@code /proc/PID/stat}'s command (field 2, between the first '(' and the last ')'), parent and utime + stime. */
    static Optional<Entry> parseStat(String stat) {
        if (stat == null) {
            return Optional.empty();
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) {
            return Optional.empty(); // f[0] is field 3 (state); utime and stime are fields 14 and 15
        }
        try {
            return Optional.of(new Entry(stat.substring(open + 1, close), Long.parseLong(f[1]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A process's share of one core between two snapshots, in percent (100 = one core); empty when
     * it is not in both (started or ended in between), the pid was reused, or no time passed.
     */
    static OptionalDouble percentOfCore(Snapshot before, Snapshot after, long pid) {
        Entry a = before.processes().get(pid);
        Entry b = after.processes().get(pid);
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        if (a == null || b == null || !a.command().equals(b.command()) || seconds <= 0 || b.ticks() < a.ticks()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (b.ticks() - a.ticks()) / USER_HZ / seconds);
    }

    /** The 1, 5 and 15-minute load averages from {@code /proc/loadavg}'s text; NaN each when malformed. */
    static double[] loadAverages(String loadavg) {
        double[] out = {Double.NaN, Double.NaN, Double.NaN};
        if (loadavg == null) {
            return out;
        }
        String[] f = loadavg.trim().split("\\s+");
        for (int i = 0; i < 3 && i < f.length; i++) {
            try {
                out[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** The {@code Cpus_allowed_list} of {@code /proc/PID/status}'s text, e.g. {@code 0-1}; empty when absent. */
    static Optional<String> cpusAllowed(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return status.lines().filter(l -> l.startsWith("Cpus_allowed_list:"))
                .map(l -> l.substring("Cpus_allowed_list:".length()).strip()).filter(s -> !s.isEmpty()).findFirst();
    }
}
