package io.inferbench.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A Linux CPU list, as {@code taskset -c} and sysfs write it: {@code 0-1}, {@code 0,2,4-7}
 * ({@code hardware.cpus}).
 */
public final class CpuList {
    /** Highest CPU number accepted: Linux's largest NR_CPUS is 8192. */
    static final int MAX_CPU = 8191;
    /** This machine's online CPUs. */
    static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    private CpuList() {
    }

    /**
     * The CPUs of {@code list}; empty when it is not a CPU list (a range must not run backwards, no
     * number above {@value #MAX_CPU}).
     */
    public static Optional<SortedSet<Integer>> parse(String list) {
        if (list == null || !list.strip().matches("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*")) {
            return Optional.empty();
        }
        SortedSet<Integer> cpus = new TreeSet<>();
        for (String part : list.strip().split(",")) {
            String[] ends = part.split("-");
            if (ends[0].length() > 5 || ends[ends.length - 1].length() > 5) {
                return Optional.empty();
            }
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            if (to < from || to > MAX_CPU) {
                return Optional.empty();
            }
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return Optional.of(cpus);
    }

    /** The CPUs online on this machine ({@code /sys/devices/system/cpu/online}, else 0..cores-1). */
    public static SortedSet<Integer> online() {
        try {
            Optional<SortedSet<Integer>> fromSysfs = parse(Files.readString(ONLINE, StandardCharsets.US_ASCII));
            if (fromSysfs.isPresent()) {
                return fromSysfs.get();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no sysfs: the JVM's count
        }
        SortedSet<Integer> all = new TreeSet<>();
        for (int c = 0; c < Runtime.getRuntime().availableProcessors(); c++) {
            all.add(c);
        }
        return all;
    }

    /** {@code [0, 1, 2, 5]} as {@code 0-2,5} ({@link io.inferbench.api.CpuLists}). */
    public static String format(SortedSet<Integer> cpus) {
        return io.inferbench.api.CpuLists.format(cpus);
    }
}
