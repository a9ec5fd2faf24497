package io.inferbench.scenario;

/**
 * The order queries draw the prepared samples in ({@code inputs.order}): in turn, or at random
 * (seeded by {@code inputs.seed}, with replacement, as MLPerf LoadGen draws its performance samples).
 */
public enum SampleOrder {
    CYCLE, SHUFFLE;

    /** The scenario's spelling. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
