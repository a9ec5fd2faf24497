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

/**
 * A session of the synthetic backend: no inputs, no outputs, only time. Thread-safe; each runner
 * is confined to one thread, as the SPI requires.
 */
final class SyntheticSession implements ModelSession {
    private static final PreparedInput NOTHING = new PreparedInput() { };

    private final LatencyModel model;
    private final StallSchedule stalls;
    private final SyntheticClock clock;
    /** Source of the runners' streams, in the order they are created; guarded by itself. */
    private final SplittableRandom root;

    /**
     * @param stalls the stall period and length; their origin is taken now, when the session opens
     * @param clock  {@link SyntheticClock#SYSTEM} except in tests
     */
    SyntheticSession(LatencyModel model, StallSchedule stalls, long seed, SyntheticClock clock) {
        this.model = model;
        this.clock = clock;
        this.stalls = stalls.from(clock.nanoTime());
        this.root = new SplittableRandom(seed);
    }

    /** The stall windows every runner shares (their origin is when the session opened). */
    StallSchedule stalls() {
        return stalls;
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
        return Map.of("distribution", model.distribution().option(),
                "latency-ms", Double.toString(model.latencyMs()),
                "jitter-ms", Double.toString(model.jitterMs()),
                "sigma", Double.toString(model.sigma()),
                "second-latency-ms", Double.toString(model.secondLatencyMs()),
                "second-probability", Double.toString(model.secondProbability()),
                "failure-rate", Double.toString(model.failureRate()),
                "stall-every-ms", Double.toString(stalls.everyNanos() / 1e6),
                "stall-ms", Double.toString(stalls.stallNanos() / 1e6));
    }

    @Override
    public Runner newRunner() {
        // Each runner gets its own seeded stream so concurrent workers stay reproducible. Split from one
        // root: SplittableRandom steps its seed by the golden gamma, so seeds a gamma apart would give
        // the same stream shifted by one draw.
        SplittableRandom random;
        synchronized (root) {
            random = root.split();
        }
        return new Runner() {
            @Override
            public PreparedInput prepare(Map<String, Tensor> inputs) {
                return NOTHING;
            }

            @Override
            public void run(PreparedInput input) throws BackendException {
                long nanos = model.nextNanos(random);
                boolean fail = model.nextFails(random);
                clock.waitUntil(stalls.finishAt(clock.nanoTime(), nanos));
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

    @Override
    public void close() {
    }
}
