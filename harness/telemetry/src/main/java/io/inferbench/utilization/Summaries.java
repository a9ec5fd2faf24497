package io.inferbench.utilization;

import io.inferbench.result.PhaseMark;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.util.Comparator;
import java.util.List;

/** Builds a {@link UtilizationResult}'s summary from its samples. Pure. */
final class Summaries {
    private Summaries() {
    }

    /**
     * @param peakRssBytes the process's {@code VmHWM}, or -1 to use the largest sampled RSS
     */
    static UtilizationResult summarize(double intervalSeconds, int cores, List<UtilizationSample> samples,
                                       List<PhaseMark> marks, long peakRssBytes, List<String> unavailable) {
        double duration = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).tSeconds();
        double cpuOneCore = Double.NaN;
        double cpuMachine = Double.NaN;
        double maxCpu = Double.NaN;
        double gpuUtil = Double.NaN;
        double cpuWeight = 0;
        double gpuWeight = 0;
        double energy = samples.isEmpty() ? Double.NaN : 0;
        double gpuEnergy = samples.isEmpty() ? Double.NaN : 0;
        long maxRss = -1;
        long maxHeap = -1;
        double heapSum = 0;
        int heapCount = 0;
        long gcMs = 0;
        int maxThreads = -1;
        long maxGpuMemory = -1;
        double start = 0;
        for (UtilizationSample s : samples) {
            double dt = s.tSeconds() - start;
            start = s.tSeconds();
            // Means are weighted by interval length: the last interval is usually shorter.
            if (Double.isFinite(s.processCpuPercentOfOneCore())) {
                cpuOneCore = (cpuWeight == 0 ? 0 : cpuOneCore) + s.processCpuPercentOfOneCore() * dt;
                cpuMachine = (cpuWeight == 0 ? 0 : cpuMachine) + s.processCpuPercentOfMachine() * dt;
                cpuWeight += dt;
                maxCpu = Double.isNaN(maxCpu) ? s.processCpuPercentOfOneCore()
                        : Math.max(maxCpu, s.processCpuPercentOfOneCore());
            }
            if (Double.isFinite(s.gpuUtilPercent())) {
                gpuUtil = (gpuWeight == 0 ? 0 : gpuUtil) + s.gpuUtilPercent() * dt;
                gpuWeight += dt;
            }
            // Energy is all or nothing: an interval without a figure makes the total unknown.
            energy += s.packageWatts() * dt;
            gpuEnergy += s.gpuPowerWatts() * dt;
            maxRss = Math.max(maxRss, s.rssBytes());
            if (s.heapUsedBytes() >= 0) {
                heapSum += s.heapUsedBytes();
                heapCount++;
                maxHeap = Math.max(maxHeap, s.heapUsedBytes());
            }
            gcMs += Math.max(0, s.gcTimeMsDelta());
            maxThreads = Math.max(maxThreads, s.threads());
            maxGpuMemory = Math.max(maxGpuMemory, s.gpuMemoryBytes());
        }
        List<PhaseMark> phases = marks.stream().sorted(Comparator.comparingDouble(PhaseMark::tSeconds)).toList();
        return new UtilizationResult(intervalSeconds, duration, cores, samples, phases,
                cpuWeight > 0 ? cpuOneCore / cpuWeight : Double.NaN, maxCpu,
                cpuWeight > 0 ? cpuMachine / cpuWeight : Double.NaN,
                peakRssBytes >= 0 ? Math.max(peakRssBytes, maxRss) : maxRss,
                heapCount > 0 ? heapSum / heapCount : Double.NaN, maxHeap, gcMs, maxThreads, energy,
                duration > 0 ? energy / duration : Double.NaN, gpuWeight > 0 ? gpuUtil / gpuWeight : Double.NaN,
                maxGpuMemory, gpuEnergy, unavailable);
    }
}
