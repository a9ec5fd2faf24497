package io.inferbench.api;

/**
 * A confidence interval.
 *
 * @param low     lower bound
 * @param high    upper bound
 * @param bounded false when the sample was too small to bound the estimate on that side; then the
 *                interval extends to the sample's extremes and should be read as "at least this wide"
 */
public record Interval(double low, double high, boolean bounded) {
    public double halfWidth() {
        return (high - low) / 2;
    }
}
