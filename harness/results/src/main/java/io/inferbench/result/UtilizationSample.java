package io.inferbench.result;

import java.util.List;

/**
 * Resource use over one sampling interval, measured in the process that runs the backend.
 *
 * <p>Unreadable figures are NaN (doubles) or -1 (counts and sizes); the enclosing
 * {@link UtilizationResult#unavailable()} says why.
 *
 * @param tSeconds                    end of the interval, seconds since sampling started
 * @param processCpuPercentOfOneCore  process CPU time over wall time, 100 = one core fully busy
 * @param processCpuPercentOfMachine  the same divided by the machine's core count (0–100)
 * @param perCoreBusyPercent          each core's busy share of the interval (all processes), by core number
 * @param rssBytes                    resident set size at the end of the interval ({@code VmRSS})
 * @param heapUsedBytes               JVM heap in use
 * @param heapCommittedBytes          JVM heap committed
 * @param gcTimeMsDelta               garbage-collection time accumulated during the interval
 * @param threads                     OS threads of the process (native backend pools included)
 * @param gpuUtilPercent              GPU utilization (device-wide, mean over the selected GPUs)
 * @param gpuMemoryBytes              GPU memory used (device-wide, summed over the selected GPUs)
 * @param gpuPowerWatts               GPU board power draw (summed over the selected GPUs)
 * @param packageWatts                CPU package power from RAPL (all packages, all processes)
 */
public record UtilizationSample(double tSeconds, double processCpuPercentOfOneCore, double processCpuPercentOfMachine,
                                List<Double> perCoreBusyPercent, long rssBytes, long heapUsedBytes,
                                long heapCommittedBytes, long gcTimeMsDelta, int threads, double gpuUtilPercent,
                                long gpuMemoryBytes, double gpuPowerWatts, double packageWatts) {
    public UtilizationSample {
        perCoreBusyPercent = perCoreBusyPercent == null ? List.of() : List.copyOf(perCoreBusyPercent);
    }
}
