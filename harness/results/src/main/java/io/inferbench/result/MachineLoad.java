package io.inferbench.result;

import java.util.List;

/**
 * What the whole machine was doing over one window of a configuration's run.
 *
 * @param windowSeconds   how long the window was
 * @param loadAverage1    the 1-minute load average at the window's end ({@code /proc/loadavg}); NaN when unreadable
 * @param loadAverage5    the 5-minute load average at its end; NaN when unreadable
 * @param loadAverage15   the 15-minute load average at its end; NaN when unreadable
 * @param busiest         the other processes that used the most CPU in it, busiest first (a few at most)
 */
public record MachineLoad(double windowSeconds, double loadAverage1, double loadAverage5, double loadAverage15,
                          List<BusyProcess> busiest) {
    public MachineLoad {
        busiest = busiest == null ? List.of() : List.copyOf(busiest);
    }
}
