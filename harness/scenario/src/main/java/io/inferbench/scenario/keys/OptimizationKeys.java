package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Duration;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/** {@code optimization:}: what runs between the load and the backend (dynamic batching), and the model's steps. */
public final class OptimizationKeys {
    public static final KeySpec MAX_BATCH_SIZE = KeySpec.of("max-batch-size", new Whole(1, 1024),
            "Largest batch (1..1024).").asRequired();
    public static final KeySpec MAX_QUEUE_DELAY = KeySpec.of("max-queue-delay", new Duration(Duration.HOUR),
            "Longest a query waits for others to join its batch.").withDefault("1ms");
    public static final KeySpec INSTANCES = KeySpec.of("instances", new Whole(1, 4096),
            "Workers forming and running batches (model instances).").withDefault(1L);
    public static final SectionSpec BATCHING_SECTION = new SectionSpec(null, "Dynamic batching, as Triton's dynamic "
            + "batcher: a worker takes the oldest query and up to max-batch-size - 1 more, waiting at most "
            + "max-queue-delay; latency includes queueing.", List.of(MAX_BATCH_SIZE, MAX_QUEUE_DELAY, INSTANCES));

    public static final KeySpec BATCHING = KeySpec.section("batching", BATCHING_SECTION);
    public static final SectionSpec SECTION = new SectionSpec("optimization",
            "Optimizations applied between the load and the backend, and to the model before it is loaded.",
            List.of(BATCHING, OptimizationStepKeys.STEPS));

    private OptimizationKeys() {
    }
}
