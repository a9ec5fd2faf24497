package io.inferbench.gate;

/** Which way a metric gets better. */
public enum Direction {
    /** Latency, memory, energy: a larger value is worse. */
    LOWER_IS_BETTER(1),
    /** Throughput, accuracy: a smaller value is worse. */
    HIGHER_IS_BETTER(-1);

    private final int worseSign;

    Direction(int worseSign) {
        this.worseSign = worseSign;
    }

    /** +1 when an increase is a worsening, −1 when a decrease is: multiplying a change by it makes worse positive. */
    public int worseSign() {
        return worseSign;
    }
}
