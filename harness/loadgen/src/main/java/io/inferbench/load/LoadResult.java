package io.inferbench.load;

/**
 * What a load run recorded.
 *
 * @param warmup        the warmup phase (excluded from the measurement)
 * @param measurement   the measured phase
 * @param samplesPerQuery samples per query, to derive samples per second
 * @param abortReason   why the run stopped early (every query failing, a worker that never
 *                      returned), or null when it ran to completion
 * @param trace         every query's times, when the plan asked for them ({@link LoadPlan#trace()}); else null
 */
public record LoadResult(PhaseRecording warmup, PhaseRecording measurement, int samplesPerQuery, String abortReason,
                         QueryTrace trace) {
    /** Without a query trace. */
    public LoadResult(PhaseRecording warmup, PhaseRecording measurement, int samplesPerQuery, String abortReason) {
        this(warmup, measurement, samplesPerQuery, abortReason, null);
    }
}
