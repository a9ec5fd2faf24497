package io.inferbench.result;

/** What a comparison's verdict was computed from. */
public enum ComparisonBasis {
    /**
     * The forks' per-fork values (Welch t on their logarithms): run-to-run variance included.
     * Used when both configurations ran at least two forks.
     */
    FORKS,
    /**
     * A bootstrap of the pooled latency samples: only within-run variance, so a verdict may not
     * survive a rerun in a fresh JVM. Used when either configuration ran fewer than two forks.
     */
    WITHIN_RUN_BOOTSTRAP
}
