package io.inferbench.load;

import java.time.Duration;

/**
 * Drives a {@link SystemUnderTest} with a {@link LoadPlan}: warmup, then measurement until both
 * minimums are met (or the maximum duration), recording every query's latency.
 *
 * <p>Single-stream and closed-loop concurrency without batching run {@linkplain DirectExecution
 * directly}: each client thread owns a worker and times exactly one {@code issue} call. Everything
 * else — open loops, dynamic batching, multi-stream, offline — goes {@linkplain QueuedExecution
 * through a queue} to worker threads, and latency is measured from each query's scheduled (open
 * loop) or issue time, so queueing is in it.
 */
public final class LoadGenerator {
    /** How long a worker may overrun the maximum duration before it is declared hung. */
    static final Duration HANG_GRACE = Duration.ofSeconds(30);
    /** A run in which the first this-many queries all failed is aborted: it would measure nothing. */
    static final int ALL_FAILED_ABORT = 10;

    private final Duration hangGrace;

    public LoadGenerator() {
        this(HANG_GRACE);
    }

    LoadGenerator(Duration hangGrace) {
        this.hangGrace = hangGrace;
    }

    public LoadResult run(LoadPlan plan, SystemUnderTest sut, ProgressListener listener) throws InterruptedException {
        if (plan.batching() != null && plan.batching().maxBatchSize() > sut.maxBatchSize()) {
            throw new IllegalArgumentException("batches of up to " + plan.batching().maxBatchSize()
                    + " queries were asked for, but the system under test can batch at most " + sut.maxBatchSize());
        }
        Execution e = plan.queued() ? new QueuedExecution(plan, sut, listener, hangGrace)
                : new DirectExecution(plan, sut, listener, hangGrace);
        return e.run();
    }
}
