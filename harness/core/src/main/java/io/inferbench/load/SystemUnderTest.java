package io.inferbench.load;

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

    /** One worker's view: runs a query synchronously. Not thread-safe. */
    interface QueryWorker {
        /** Runs one query on sample {@code sampleIndex}; returns when it completed. This is what is timed. */
        void issue(int sampleIndex) throws Exception;
    }
}
