package io.inferbench.load;

import java.time.Duration;

/** How long to warm up before measuring. Warmup queries are recorded and reported, never measured. */
public sealed interface Warmup {

    /** Warm up for a number of completed queries. */
    record Queries(long count) implements Warmup {
        public Queries {
            if (count < 0) {
                throw new IllegalArgumentException("warmup queries must be >= 0, got " + count);
            }
        }

        @Override
        public String describe() {
            return count + " queries";
        }
    }

    /** Warm up for a duration. */
    record Time(Duration duration) implements Warmup {
        public Time {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("warmup duration must be >= 0, got " + duration);
            }
        }

        @Override
        public String describe() {
            long ms = duration.toMillis();
            return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
        }
    }

    String describe();
}
