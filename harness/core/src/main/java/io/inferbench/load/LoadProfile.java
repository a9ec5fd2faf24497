package io.inferbench.load;

/**
 * How queries are issued. A closed set: the load generator handles each kind explicitly.
 */
public sealed interface LoadProfile permits LoadProfile.SingleStream, LoadProfile.Concurrency {

    /** One query at a time, the next issued when the previous completes (MLPerf SingleStream). */
    record SingleStream() implements LoadProfile {
        @Override
        public int workers() {
            return 1;
        }

        @Override
        public String describe() {
            return "single-stream";
        }
    }

    /** Closed loop: {@code workers} threads each issue a query as soon as their previous one completes. */
    record Concurrency(int workers) implements LoadProfile {
        public Concurrency {
            if (workers < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1, got " + workers);
            }
        }

        @Override
        public String describe() {
            return "concurrency(" + workers + ")";
        }
    }

    /** Number of worker threads (and backend runners) the profile needs. */
    int workers();

    /** Short label for tables, e.g. {@code concurrency(4)}. */
    String describe();
}
