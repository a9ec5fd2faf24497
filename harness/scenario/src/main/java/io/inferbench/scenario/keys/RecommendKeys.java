package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Decimal;
import io.inferbench.scenario.keys.ValueType.Duration;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/** {@code recommend:}, scenario-wide: the constraints the recommended configuration meets, and the goal. */
public final class RecommendKeys {
    public static final KeySpec PERCENTILE = KeySpec.of("percentile", new Decimal(0, true, 100, true), "Latency "
            + "percentile for the constraint and the ranking (default: p90 when every configuration is single-stream, "
            + "else p99).");
    public static final KeySpec MAX_LATENCY = KeySpec.of("max-latency", new Duration(Duration.HOUR),
            "The percentile latency must not exceed this, e.g. 50ms.");
    public static final KeySpec MIN_THROUGHPUT = KeySpec.of("min-throughput", Decimal.atLeast(0),
            "Completed queries per second, at least.");
    public static final KeySpec MAX_MEMORY_MIB = KeySpec.of("max-memory-mib", new Whole(1, 1L << 30),
            "Peak resident memory of the process running the backend, at most (MiB).");
    public static final KeySpec GOAL = KeySpec.of("goal", new Choice(List.of("lowest-latency", "highest-throughput")),
            "lowest-latency (default) or highest-throughput among the configurations meeting the constraints.")
            .withDefault("lowest-latency");
    public static final KeySpec MAX_ACCURACY_DROP = KeySpec.of("max-accuracy-drop", new Decimal(0, false, 100, false),
            "The first accuracy task's main metric may fall at most this many percentage points below the "
                    + "accuracy.reference configuration's, e.g. 1.5.");

    public static final SectionSpec SECTION = new SectionSpec("recommend", "What the recommended configuration must "
            + "meet, scenario-wide (matrix variants cannot change it): constraints every candidate must pass, and the "
            + "goal among those that do. Each other configuration gets the reason it lost.",
            List.of(PERCENTILE, MAX_LATENCY, MIN_THROUGHPUT, MAX_MEMORY_MIB, GOAL, MAX_ACCURACY_DROP));

    private RecommendKeys() {
    }
}
