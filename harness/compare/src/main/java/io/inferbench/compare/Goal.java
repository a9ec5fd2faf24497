package io.inferbench.compare;

/** What a recommendation optimises among the configurations meeting the constraints. */
public enum Goal {
    /** The lowest latency at the constraints' percentile; ties go to higher throughput. */
    LOWEST_LATENCY,
    /** The highest throughput; ties go to lower latency. */
    HIGHEST_THROUGHPUT
}
