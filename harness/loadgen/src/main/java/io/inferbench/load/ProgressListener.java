package io.inferbench.load;

/** Live progress, called from the timeline thread once per interval (never from a timed path). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);

    /**
     * The measurement has just begun (the warmup's rule was met, or there was no warmup). Called once per
     * run, from the timeline thread, while queries are running; never from a timed path. Must return
     * quickly: interval cuts wait for it.
     */
    default void onMeasurementStart() {
    }

    /**
     * @param phase          current phase
     * @param elapsedSeconds seconds since the phase started
     * @param queries        queries completed in the phase so far
     * @param errors         errors in the phase so far
     * @param lastQps        throughput in the last interval
     * @param lastP50Ms      median latency in the last interval (NaN if none)
     */
    record Progress(Phase phase, double elapsedSeconds, long queries, long errors, double lastQps, double lastP50Ms) {
    }
}
