package io.inferbench.utilization;

import java.util.Optional;

/** Pure parsing of Linux {@code /proc/self/stat} (see proc(5)). */
public final class ProcSelfStat {
    /**
     * Clock ticks per second of {@code utime}/{@code stime}. This is the kernel's USER_HZ, fixed at
     * 100 on x86 and arm64 whatever the kernel's internal HZ; Java cannot call sysconf, so it is
     * assumed. Used only as a fallback: the sampler prefers the JVM's nanosecond CPU time.
     */
    public static final long USER_HZ = 100;

    private ProcSelfStat() {
    }

    /**
     * @param utimeTicks CPU time in user mode, in clock ticks
     * @param stimeTicks CPU time in kernel mode, in clock ticks
     * @param threads    number of threads
     * @param rssPages   resident set size, in pages
     */
    public record Times(long utimeTicks, long stimeTicks, int threads, long rssPages) {
        /** User plus system time in nanoseconds, assuming {@link #USER_HZ}. */
        public long cpuNanos() {
            return (utimeTicks + stimeTicks) * (1_000_000_000L / USER_HZ);
        }
    }

    /**
     * @param stat contents of {@code /proc/self/stat}; may be null
     * @return the fields, or empty when the text is malformed
     */
    public static Optional<Times> parse(String stat) {
        if (stat == null) {
            return Optional.empty();
        }
        // The command name (field 2) is in parentheses and may itself contain spaces and ')':
        // fields are counted from the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state); field n is f[n - 3].
        if (f.length < 22) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Times(Long.parseLong(f[11]), Long.parseLong(f[12]), Integer.parseInt(f[17]),
                    Long.parseLong(f[21])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
