package io.inferbench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the queue between load and workers saw in one phase (open loops, batching, multi-stream,
 * offline). Times in nanoseconds.
 *
 * @param lag            scheduling lag: hand-off to the queue minus scheduled time (open loop)
 * @param queueDelay     start of inference minus scheduled (or issue) time
 * @param issued         queries put in the queue
 * @param dropped        arrivals not issued because the in-flight cap was hit
 * @param late           arrivals handed off more than the late threshold after their time
 * @param overloaded     the in-flight cap was hit
 * @param batchSizes     inferences per batch size
 * @param peakInFlight   most queries queued or running at once (open loop; 0 otherwise)
 */
public record QueueRecording(Histogram lag, Histogram queueDelay, long issued, long dropped, long late,
                             boolean overloaded, Map<Integer, Long> batchSizes, int peakInFlight) {
    public QueueRecording {
        batchSizes = Map.copyOf(batchSizes);
    }

    /** A recording without the in-flight peak. */
    public QueueRecording(Histogram lag, Histogram queueDelay, long issued, long dropped, long late,
                          boolean overloaded, Map<Integer, Long> batchSizes) {
        this(lag, queueDelay, issued, dropped, late, overloaded, batchSizes, 0);
    }
}
