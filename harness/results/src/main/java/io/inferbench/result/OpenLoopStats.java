package io.inferbench.result;

/**
 * How an open-loop (rate) phase kept its schedule. Latency in the phase is measured from each
 * query's scheduled time, so queueing and stalls are in it (no coordinated omission); these
 * figures say how well the generator itself kept time.
 *
 * @param arrival          {@code constant} or {@code poisson}
 * @param targetQps        the rate asked for (the start rate of a ramp)
 * @param rampToQps        the rate a ramp ends at, or NaN for a constant target
 * @param offeredQps       queries scheduled per second over the phase
 * @param issued           queries handed to workers
 * @param dropped          queries not issued because the in-flight cap was hit
 * @param overloaded       the in-flight cap was hit: the system could not keep up with the rate
 * @param maxInFlight      the cap on queued plus running queries
 * @param lagP50Ms         median scheduling lag (actual hand-off minus scheduled time)
 * @param lagP99Ms         99th percentile scheduling lag
 * @param lagMaxMs         largest scheduling lag
 * @param lateQueries      queries handed off later than {@code lateThresholdMs} after their scheduled time
 * @param lateThresholdMs  what counts as late
 * @param queueDelayP50Ms  median time from scheduled time to the start of inference (queueing)
 * @param queueDelayP99Ms  99th percentile of that
 * @param peakInFlight     most queries queued or running at once (0 in results written before it was recorded)
 */
public record OpenLoopStats(String arrival, double targetQps, double rampToQps, double offeredQps, long issued,
                            long dropped, boolean overloaded, int maxInFlight, double lagP50Ms, double lagP99Ms,
                            double lagMaxMs, long lateQueries, double lateThresholdMs, double queueDelayP50Ms,
                            double queueDelayP99Ms, int peakInFlight) {

    /** Stats without the in-flight peak, as results before it were written. */
    public OpenLoopStats(String arrival, double targetQps, double rampToQps, double offeredQps, long issued,
                         long dropped, boolean overloaded, int maxInFlight, double lagP50Ms, double lagP99Ms,
                         double lagMaxMs, long lateQueries, double lateThresholdMs, double queueDelayP50Ms,
                         double queueDelayP99Ms) {
        this(arrival, targetQps, rampToQps, offeredQps, issued, dropped, overloaded, maxInFlight, lagP50Ms, lagP99Ms,
                lagMaxMs, lateQueries, lateThresholdMs, queueDelayP50Ms, queueDelayP99Ms, 0);
    }
}
