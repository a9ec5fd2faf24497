package io.inferbench.result;

import java.util.List;

/**
 * Resource use of the process that ran the backend, sampled on a timeline, with its summary.
 *
 * <p>What could not be read on the machine is NaN or -1 here and explained, one line per metric,
 * in {@link #unavailable()}: a failing sampler leaves a note and never aborts a run.
 *
 * @param intervalSeconds                 requested sampling interval
 * @param durationSeconds                 from the start of sampling to the last sample
 * @param cores                           cores of the machine (the divisor of "% of machine")
 * @param timeline                        one sample per interval, in order
 * @param phases                          phase boundaries set by the caller, in time order
 * @param meanProcessCpuPercentOfOneCore  time-weighted mean process CPU, 100 = one core
 * @param maxProcessCpuPercentOfOneCore   the busiest interval
 * @param meanProcessCpuPercentOfMachine  time-weighted mean process CPU share of all cores
 * @param peakRssBytes                    peak resident set size of the process ({@code VmHWM}: its whole life)
 * @param meanHeapUsedBytes               mean JVM heap in use over the samples
 * @param maxHeapUsedBytes                largest JVM heap in use seen in a sample
 * @param totalGcMs                       garbage-collection time while sampling
 * @param maxThreads                      most OS threads seen
 * @param energyJoules                    CPU package energy while sampling (RAPL); NaN when unreadable
 * @param meanPackageWatts                energy over duration; NaN when unreadable
 * @param meanGpuUtilPercent              mean GPU utilization; NaN without a GPU
 * @param maxGpuMemoryBytes               most GPU memory in use; -1 without a GPU
 * @param gpuEnergyJoules                 GPU power integrated over the samples; NaN without a GPU
 * @param unavailable                     one reason per metric that could not be read
 */
public record UtilizationResult(double intervalSeconds, double durationSeconds, int cores,
                                List<UtilizationSample> timeline, List<PhaseMark> phases,
                                double meanProcessCpuPercentOfOneCore, double maxProcessCpuPercentOfOneCore,
                                double meanProcessCpuPercentOfMachine, long peakRssBytes, double meanHeapUsedBytes,
                                long maxHeapUsedBytes, long totalGcMs, int maxThreads, double energyJoules,
                                double meanPackageWatts, double meanGpuUtilPercent, long maxGpuMemoryBytes,
                                double gpuEnergyJoules, List<String> unavailable) {
    public UtilizationResult {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        phases = phases == null ? List.of() : List.copyOf(phases);
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    /**
     * CPU package energy per inference over the whole sampling window.
     *
     * @param inferences queries (or samples, for energy per sample) completed in the window
     * @return joules per inference; NaN without energy or without inferences
     */
    public double joulesPerInference(long inferences) {
        return perInference(energyJoules, inferences);
    }

    /**
     * CPU package energy per inference within one marked phase, e.g. {@code measurement}.
     *
     * @param phase      a phase name given to the sampler's {@code mark}
     * @param inferences queries (or samples) completed in that phase
     * @return joules per inference; NaN without energy, without inferences or without that phase
     */
    public double joulesPerInference(String phase, long inferences) {
        return perInference(energyJoules(phase), inferences);
    }

    /**
     * CPU package energy within one marked phase. A phase runs from its mark to the next mark (or
     * the end); samples straddling a boundary count pro rata, as their power is only known as a mean.
     *
     * @param phase a phase name given to the sampler's {@code mark}
     * @return joules; NaN when the phase was never marked, has no sample, or a sample in it has no
     *         power figure
     */
    public double energyJoules(String phase) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).phase().equals(phase)) {
                double from = phases.get(i).tSeconds();
                double to = i + 1 < phases.size() ? phases.get(i + 1).tSeconds() : durationSeconds;
                return integrate(from, to);
            }
        }
        return Double.NaN;
    }

    private double integrate(double from, double to) {
        double joules = 0;
        double start = 0;
        boolean covered = false;
        for (UtilizationSample s : timeline) {
            double overlap = Math.min(to, s.tSeconds()) - Math.max(from, start);
            if (overlap > 0) {
                joules += s.packageWatts() * overlap; // NaN watts make the whole figure NaN, as it should
                covered = true;
            }
            start = s.tSeconds();
        }
        return covered ? joules : Double.NaN;
    }

    private static double perInference(double joules, long inferences) {
        return inferences > 0 && Double.isFinite(joules) ? joules / inferences : Double.NaN;
    }
}
