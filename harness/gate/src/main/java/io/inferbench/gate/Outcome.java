package io.inferbench.gate;

/** The verdict on one series (or on the night's common shift). */
public enum Outcome {
    /** Worse beyond the threshold, and significantly so against the series' noise: fails the gate. */
    REGRESSION("regression"),
    /** Better beyond the threshold, and significantly so. */
    IMPROVEMENT("improvement"),
    /** Within the threshold. */
    UNCHANGED("unchanged"),
    /** Beyond the threshold, but not beyond what the series' noise explains. */
    INCONCLUSIVE("inconclusive"),
    /** Measured tonight, in none of the earlier runs looked at. */
    NEW("new"),
    /** In earlier runs looked at, not measured tonight. */
    MISSING("missing");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** How reports and CI formats name it. */
    public String label() {
        return label;
    }
}
