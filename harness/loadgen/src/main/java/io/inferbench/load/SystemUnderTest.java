package io.inferbench.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the load generator drives: numbered workers that each run one query at a time on numbered
 * samples. Everything a query needs is prepared before {@link LoadGenerator#run} starts.
 */
public interface SystemUnderTest {

    /** Number of distinct samples; queries cycle through them. */
    int sampleCount();

    /** Samples per query (the batch size), to report samples per second. */
    int samplesPerQuery();

    /**
     * The worker for thread {@code index} (0-based, below the profile's worker count). Called once
     * per worker, before timing starts, on the thread that will use it.
     */
    QueryWorker worker(int index) throws Exception;

    /** Largest number of queries one inference can carry (dynamic batching); 1 when the SUT cannot batch. */
    default int maxBatchSize() {
        return 1;
    }

    /**
     * Told of each successful measured query after its latency was recorded, outside any timed region,
     * so that the system under test can break the latency down by what it fed: the load generator knows
     * no inputs. {@code count} and {@code sampleIndex} are what the query's worker was called with
     * ({@link QueryWorker#issue} is a count of 1). Called from worker and client threads at once: must be
     * thread-safe and cheap (it delays that thread's next query). Not called for warmup queries, nor for
     * multi-stream queries, whose latency is a group's.
     */
    default void measured(int count, int sampleIndex, long latencyNanos) {
    }

    /** One worker's view: runs a query synchronously. Not thread-safe. */
    interface QueryWorker {
        /** Runs one query on sample {@code sampleIndex}; returns when it completed. This is what is timed. */
        void issue(int sampleIndex) throws Exception;

        /**
         * Runs {@code count} queries as one batched inference (dynamic batching), starting at
         * sample {@code sampleIndex}. Only called with {@code count <= maxBatchSize()}.
         */
        default void issueBatch(int count, int sampleIndex) throws Exception {
            if (count != 1) {
                throw new UnsupportedOperationException("this system under test cannot batch");
            }
            issue(sampleIndex);
        }

        /**
         * Whether {@link #issueAsync} returns before the query completed, so that an open loop can keep
         * many queries in flight on this worker without a thread for each. False by default.
         */
        default boolean asynchronous() {
            return false;
        }

        /**
         * Starts one query on sample {@code sampleIndex}; the stage completes when it completed (the moment
         * {@link #issue} would return), possibly on another thread. Called only when {@link #asynchronous()}
         * holds, from one thread at a time, with earlier queries possibly still in flight.
         */
        default CompletionStage<?> issueAsync(int sampleIndex) {
            try {
                issue(sampleIndex);
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}
