package io.inferbench.run;

import io.inferbench.api.Device;
import io.inferbench.result.ColdStart;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.stats.ResourceStatistics;
import io.inferbench.utilization.ColdStarts;
import io.inferbench.utilization.SamplerSources;
import io.inferbench.utilization.UtilizationSampler;
import java.time.Duration;

/**
 * The bookkeeping around a configuration's run: utilization sampled from before the model loads
 * until after its accuracy tasks, with each phase marked on the timeline, and the cold start worked
 * out at the end. Sampled in this process, which is the one running the backend (a forked child by
 * default). Closing it stops the sampler if {@link #finish} did not.
 */
final class ResourceTracker implements AutoCloseable {
    private final UtilizationSampler sampler;
    private final Duration interval;

    private ResourceTracker(UtilizationSampler sampler, Duration interval) {
        this.sampler = sampler;
        this.interval = interval;
    }

    /** Starts sampling (the GPU's figures too on a GPU device) and marks the {@code load} phase. */
    static ResourceTracker start(Device device, Duration interval) {
        UtilizationSampler sampler = new UtilizationSampler(device.kind() == Device.Kind.GPU
                ? SamplerSources.system().withGpu(device.id()) : SamplerSources.system());
        sampler.start(interval);
        sampler.mark("load");
        return new ResourceTracker(sampler, interval);
    }

    /** A phase starts now, e.g. {@code warmup}, {@code accuracy}, {@code probe rate(100/s)}. */
    void mark(String phase) {
        sampler.mark(phase);
    }

    /** A phase started at {@code nanoTime} ({@link System#nanoTime()}), marked after the fact. */
    void markAt(String phase, long nanoTime) {
        sampler.markAt(phase, nanoTime);
    }

    /**
     * Stops sampling: the utilization, the load time, the cold start when both warmup and
     * measurement ran, and their intervals over the sampler's intervals.
     *
     * @param loadMs     time to open the model
     * @param firstMs    latency of the very first inference
     * @param phases     what ran
     * @param modelBytes size of the model on disk
     */
    ResourcesResult finish(double loadMs, double firstMs, PhasesResult phases, long modelBytes) {
        var warmup = phases.warmup();
        var measurement = phases.measurement();
        ColdStart coldStart = warmup == null || measurement == null ? null : ColdStarts.of(loadMs, firstMs,
                ColdStarts.p50s(warmup.timeline(), measurement.timeline()), interval, modelBytes);
        ResourcesResult used = new ResourcesResult(loadMs, coldStart, sampler.stop());
        return used.withEstimates(ResourceStatistics.ofRun(used, measurement));
    }

    @Override
    public void close() {
        sampler.close();
    }
}
