package io.inferbench.gate;

/** How a verdict's significance was judged; each verdict names its method. */
public enum Method {
    /** The usual case: the night's value against the spread of the series across earlier nights. */
    HISTORY("Student-t prediction test against the series' earlier runs"),
    /** As {@link #HISTORY}, on the configuration's change less the night's common shift. */
    HISTORY_COMMON_MODE("Student-t prediction test against the series' earlier runs,"
            + " relative to the night's common shift of all configurations"),
    /** The night's common shift of all configurations against that shift's own history. */
    COMMON_SHIFT("Student-t prediction test of the night's common shift (median over configurations)"
            + " against earlier runs' common shifts"),
    /** Too little history: fork medians of the run against those of the latest earlier run. */
    WITHIN_RUN_FORKS("too few earlier runs for their spread: Welch t on fork medians against the latest run"
            + " (machine drift between the runs is not accounted for)"),
    /** Too little history: the runs' within-run 95% intervals. */
    WITHIN_RUN_INTERVALS("too few earlier runs for their spread: normal test on the within-run 95% intervals"
            + " against the latest run (machine drift between the runs is not accounted for)"),
    /** Too little history and no interval to test with: the change is stated, never called significant. */
    THRESHOLD_ONLY("too few earlier runs and no within-run interval: threshold only, never significant");

    private final String description;

    Method(String description) {
        this.description = description;
    }

    /** One line for reports. */
    public String description() {
        return description;
    }

    /** Whether the between-run noise came from the history (rather than from within the runs). */
    public boolean usesHistory() {
        return this == HISTORY || this == HISTORY_COMMON_MODE || this == COMMON_SHIFT;
    }
}
