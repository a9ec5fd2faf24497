package io.inferbench.report;

import io.inferbench.result.BusyProcess;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.CpuPowerInfo;
import io.inferbench.result.MachineActivity;
import io.inferbench.result.MachineLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The noise guard in the report: the machine's load and its busiest other processes before and
 * during a configuration's load, the CPUs it ran on, the CPU's governor and turbo, and the
 * headline's "the machine was busy" line.
 */
final class MachineRows {
    private MachineRows() {
    }

    /** The configuration's rows; empty when the result does not record its machine activity. */
    static List<KeyValue> of(ConfigurationResult c) {
        MachineActivity m = c.machine();
        if (m == null) {
            return List.of();
        }
        List<KeyValue> rows = new ArrayList<>();
        rows.add(KeyValue.of("CPUs", (m.cpus() == null ? "not pinned" : "pinned to " + m.cpus() + " (hardware.cpus)")
                + (m.cpusAllowed() == null ? "" : "; the process could run on " + m.cpusAllowed())));
        if (m.before() != null) {
            rows.add(KeyValue.of("Machine before the load", load(m.before(), false)));
        }
        if (m.during() != null) {
            rows.add(KeyValue.of("Machine during the load", load(m.during(), true) + "; busy above "
                    + Formats.percent(m.busyThresholdPercent()) + " of a core; the watch cost "
                    + Formats.ms(m.monitorCpuMs()) + " ms of CPU"));
        }
        m.unavailable().forEach(u -> rows.add(KeyValue.of("Not recorded", u)));
        return rows;
    }

    /** "the machine was busy: …", or null when it was not (or the result does not say). */
    static String busy(ConfigurationResult c) {
        MachineActivity m = c.machine();
        if (m == null || !m.wasBusy()) {
            return null;
        }
        return "the machine was busy: " + m.busy().stream().map(p -> process(p) + " took up to "
                        + Formats.percent(p.peakPercentOfCore()) + " of a core").collect(Collectors.joining(", "))
                + " while the load ran (above the " + Formats.percent(m.busyThresholdPercent())
                + " threshold, run.busy-threshold); its figures may be disturbed.";
    }

    /** The environment's rows for the CPU's power settings; empty in results from before they were recorded. */
    static List<KeyValue> power(CpuPowerInfo p) {
        return p == null ? List.of() : List.of(KeyValue.of("CPU governor", p.governor()),
                KeyValue.of("Turbo", p.turbo()));
    }

    private static String load(MachineLoad l, boolean peaks) {
        String avg = Double.isNaN(l.loadAverage1()) ? "load average unknown" : "load average "
                + number(l.loadAverage1()) + " / " + number(l.loadAverage5()) + " / "
                + number(l.loadAverage15());
        String busiest = l.busiest().isEmpty() ? "no other process used CPU" : "busiest others: "
                + l.busiest().stream().map(p -> process(p) + " " + Formats.percent(p.meanPercentOfCore())
                        + (peaks ? " (peak " + Formats.percent(p.peakPercentOfCore()) + ")" : ""))
                .collect(Collectors.joining(", "));
        return "over " + number(l.windowSeconds()) + " s: " + avg + "; " + busiest;
    }

    /** A load average or a window in seconds: two decimals, as {@code /proc/loadavg} has them. */
    private static String number(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.2f", v) : "–";
    }

    private static String process(BusyProcess p) {
        return p.command() + " (pid " + p.pid() + ")";
    }
}
