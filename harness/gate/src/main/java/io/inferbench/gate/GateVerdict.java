package io.inferbench.gate;

/** What the gate says of one series tonight, or of the night's common shift. */
public sealed interface GateVerdict
        permits GateVerdict.Assessed, GateVerdict.CommonShift, GateVerdict.New, GateVerdict.Missing {
    Outcome outcome();

    MetricKind metric();

    /** Whether this verdict fails the gate: only a regression does. */
    default boolean failsGate() {
        return outcome() == Outcome.REGRESSION;
    }

    /**
     * A series measured tonight and before.
     *
     * @param series         the series
     * @param outcome        regression, improvement, unchanged or inconclusive
     * @param baseline       the expected value: the history's mean (geometric for ratio metrics), or the
     *                       latest earlier run's value when the method is within-run
     * @param current        tonight's value
     * @param observedChange tonight against {@code baseline}: ratio, or points; before any common-mode correction
     * @param figures        the test's figures
     */
    record Assessed(SeriesKey series, Outcome outcome, double baseline, double current, double observedChange,
                    Figures figures) implements GateVerdict {
        @Override
        public MetricKind metric() {
            return series.metric();
        }
    }

    /**
     * The night's shift common to all configurations of one metric (the median of their changes):
     * a slower machine, or a harness or library change that touched every configuration.
     *
     * @param metric         the metric
     * @param outcome        regression, improvement, unchanged or inconclusive
     * @param configurations how many configurations the median is over
     * @param figures        the test's figures; {@code change} is the shift as a ratio (or points)
     */
    record CommonShift(MetricKind metric, Outcome outcome, int configurations, Figures figures)
            implements GateVerdict {
    }

    /** A series with no earlier run in the window. */
    record New(SeriesKey series, double current) implements GateVerdict {
        @Override
        public Outcome outcome() {
            return Outcome.NEW;
        }

        @Override
        public MetricKind metric() {
            return series.metric();
        }
    }

    /**
     * A series the window's runs measured and tonight's did not.
     *
     * @param last        its value in the latest run that had it
     * @param historyRuns how many of the window's runs had it
     */
    record Missing(SeriesKey series, double last, int historyRuns) implements GateVerdict {
        @Override
        public Outcome outcome() {
            return Outcome.MISSING;
        }

        @Override
        public MetricKind metric() {
            return series.metric();
        }
    }
}
