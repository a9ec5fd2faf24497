package io.inferbench.synthetic;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** A session of the synthetic backend: no inputs, no outputs, only time. */
final class SyntheticSession implements ModelSession {
    /** Below this, spin: parkNanos overshoots by tens of microseconds. */
    private static final long SPIN_NANOS = 200_000;
    private static final PreparedInput NOTHING = new PreparedInput() { };

    private final LatencyModel model;
    private final long seed;
    private final AtomicLong runners = new AtomicLong();

    SyntheticSession(LatencyModel model, long seed) {
        this.model = model;
        this.seed = seed;
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of();
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("distribution", model.distribution(), "latency-ms", Double.toString(model.meanMs()),
                "jitter-ms", Double.toString(model.jitterMs()), "failure-rate", Double.toString(model.failureRate()));
    }

    @Override
    public Runner newRunner() {
        // Each runner gets its own seeded stream so concurrent workers stay reproducible.
        SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * runners.incrementAndGet());
        return new Runner() {
            @Override
            public PreparedInput prepare(Map<String, Tensor> inputs) {
                return NOTHING;
            }

            @Override
            public void run(PreparedInput input) throws BackendException {
                long nanos = model.nextNanos(random);
                boolean fail = model.nextFails(random);
                busyFor(nanos);
                if (fail) {
                    throw new BackendException("synthetic failure (failure-rate " + model.failureRate() + ")");
                }
            }

            @Override
            public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
                run(input);
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
    }

    static void busyFor(long nanos) {
        long end = System.nanoTime() + nanos;
        long remaining = nanos;
        while (remaining > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
            remaining = end - System.nanoTime();
        }
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
    }
}
