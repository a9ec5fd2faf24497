package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The noise guard of one configuration: what else the machine was doing before and while its load
 * ran, and which CPUs it ran on. Sampled by the process that ran the backend, at a low rate on a
 * thread of its own; {@link #monitorCpuMs} is what that cost.
 *
 * @param cpus                 the CPUs the scenario pinned the child JVM to ({@code hardware.cpus}); null when not pinned
 * @param cpusAllowed          the CPUs the process could run on, as it saw them ({@code Cpus_allowed_list}); null
 *                             when unreadable
 * @param busyThresholdPercent another process above this share of one core ({@code run.busy-threshold}) in a
 *                             sampling window makes the machine "busy"
 * @param before               from the start of the configuration's run to the start of its load (model loading)
 * @param during               the load: warmup and measurement
 * @param monitorCpuMs         CPU time the sampling thread used, all windows together
 * @param unavailable          what could not be read, one line each
 */
public record MachineActivity(String cpus, String cpusAllowed, double busyThresholdPercent, MachineLoad before,
                              MachineLoad during, double monitorCpuMs, List<String> unavailable) {
    /** Default of {@code run.busy-threshold}, in percent of one core. */
    public static final double DEFAULT_BUSY_THRESHOLD_PERCENT = 20;
    /** Processes kept per window. */
    public static final int BUSIEST_KEPT = 5;

    public MachineActivity {
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    /** The other processes that took more than the threshold in some window while the load ran, busiest first. */
    @JsonIgnore
    public List<BusyProcess> busy() {
        return during == null ? List.of() : during.busiest().stream()
                .filter(p -> p.peakPercentOfCore() > busyThresholdPercent).toList();
    }

    /** True when another process took more than the threshold while the load ran: the figures may be disturbed. */
    @JsonIgnore
    public boolean wasBusy() {
        return !busy().isEmpty();
    }

    /**
     * The forks' activity as one: the first fork's pinning and "before", and "during" the busiest
     * processes of all forks (each process once, at its highest peak).
     */
    public static MachineActivity merge(List<MachineActivity> forks) {
        List<MachineActivity> known = forks.stream().filter(java.util.Objects::nonNull).toList();
        if (known.size() <= 1) {
            return known.isEmpty() ? null : known.get(0);
        }
        MachineActivity first = known.get(0);
        List<BusyProcess> all = new ArrayList<>();
        double seconds = 0;
        double cpuMs = 0;
        for (MachineActivity a : known) {
            cpuMs += a.monitorCpuMs();
            if (a.during() != null) {
                all.addAll(a.during().busiest());
                seconds += a.during().windowSeconds();
            }
        }
        all.sort(Comparator.comparingDouble(BusyProcess::peakPercentOfCore).reversed());
        List<BusyProcess> kept = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (BusyProcess p : all) {
            if (kept.size() < BUSIEST_KEPT && seen.add(p.pid() + " " + p.command())) {
                kept.add(p);
            }
        }
        MachineLoad last = known.get(known.size() - 1).during();
        MachineLoad during = last == null ? null : new MachineLoad(seconds, last.loadAverage1(), last.loadAverage5(),
                last.loadAverage15(), kept);
        return new MachineActivity(first.cpus(), first.cpusAllowed(), first.busyThresholdPercent(), first.before(),
                during, cpuMs, first.unavailable());
    }
}
