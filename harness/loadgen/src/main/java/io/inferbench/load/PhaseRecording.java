package io.inferbench.load;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything recorded in one phase. Latencies are in nanoseconds.
 *
 * @param phase        which phase
 * @param histogram    all successful queries' latencies
 * @param intervals    the timeline
 * @param queries      queries completed, successful or not
 * @param errors       queries that threw
 * @param firstError   the first error's message, or null
 * @param durationNanos from the phase's start to its last completion
 * @param queue        what the queue saw; null when clients called workers directly
 */
public record PhaseRecording(Phase phase, Histogram histogram, List<IntervalRecord> intervals, long queries,
                             long errors, String firstError, long durationNanos, QueueRecording queue) {
    public PhaseRecording {
        intervals = List.copyOf(intervals);
    }

    /** An empty phase (a skipped warmup). */
    static PhaseRecording empty(Phase phase) {
        return new PhaseRecording(phase, io.inferbench.load.HistogramCodec.newHistogram(), List.of(), 0, 0, null, 0,
                null);
    }
}
