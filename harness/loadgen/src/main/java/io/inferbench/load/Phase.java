package io.inferbench.load;

/** Phases of a load run. */
public enum Phase {
    WARMUP, MEASUREMENT;

    public String label() {
        return this == WARMUP ? "warmup" : "measure";
    }
}
