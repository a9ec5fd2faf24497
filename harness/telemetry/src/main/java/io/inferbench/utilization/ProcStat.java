package io.inferbench.utilization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pure parsing of Linux {@code /proc/stat}: per-core jiffies and busy shares between two readings. */
public final class ProcStat {
    private ProcStat() {
    }

    /**
     * Cumulative time of one core since boot, in jiffies (the unit cancels out in ratios, so the
     * tick rate does not matter here).
     *
     * @param cpu   core number ({@code cpu3} is 3)
     * @param busy  user + nice + system + irq + softirq + steal
     * @param total busy + idle + iowait
     */
    public record CoreTimes(int cpu, long busy, long total) {
    }

    /**
     * The per-core lines ({@code cpuN ...}); the aggregate {@code cpu} line is skipped.
     *
     * @param procStat contents of {@code /proc/stat}; may be null
     * @return one entry per core in file order; empty when none could be parsed
     */
    public static List<CoreTimes> perCore(String procStat) {
        List<CoreTimes> cores = new ArrayList<>();
        if (procStat == null) {
            return cores;
        }
        for (String line : procStat.split("\n")) {
            if (!line.startsWith("cpu") || line.length() < 4 || !Character.isDigit(line.charAt(3))) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            try {
                int cpu = Integer.parseInt(f[0].substring(3));
                long[] v = new long[8]; // fields missing on old kernels count as 0
                for (int i = 0; i < v.length && i + 1 < f.length; i++) {
                    v[i] = Long.parseLong(f[i + 1]);
                }
                // guest and guest_nice (fields 9 and 10) are already included in user and nice.
                long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
                cores.add(new CoreTimes(cpu, busy, busy + v[3] + v[4]));
            } catch (NumberFormatException e) {
                // a malformed line: skip that core rather than the whole file
            }
        }
        return cores;
    }

    /**
     * Busy share of each core between two readings.
     *
     * @param previous the earlier reading
     * @param current  the later reading
     * @return percent busy (0–100) for each core of {@code current}, in its order; NaN for a core
     *         missing from {@code previous} (it came online) or whose counters did not advance
     */
    public static List<Double> busyPercent(List<CoreTimes> previous, List<CoreTimes> current) {
        Map<Integer, CoreTimes> before = new HashMap<>();
        for (CoreTimes c : previous) {
            before.put(c.cpu(), c);
        }
        List<Double> out = new ArrayList<>(current.size());
        for (CoreTimes c : current) {
            CoreTimes p = before.get(c.cpu());
            long total = p == null ? 0 : c.total() - p.total();
            long busy = p == null ? 0 : c.busy() - p.busy();
            out.add(total <= 0 || busy < 0 ? Double.NaN : Math.min(100.0, 100.0 * busy / total));
        }
        return out;
    }
}
