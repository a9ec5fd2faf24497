package io.inferbench.load;

/**
 * What a load run recorded.
 *
 * @param warmup        the warmup phase (excluded from the measurement)
 * @param measurement   the measured phase
 * @param samplesPerQuery samples per query, to derive samples per second
 * @param abortReason   why the run stopped early (every query failing, a worker that never
 *                      returned), or null when it ran to completion
 */
public record LoadResult(PhaseRecording warmup, PhaseRecording measurement, int samplesPerQuery, String abortReason) {
}
