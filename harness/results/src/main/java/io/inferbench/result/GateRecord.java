package io.inferbench.result;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The regression gate's answer for one run, as written next to its result ({@code gate.json} in the
 * run folder) and by {@code inferbench gate --json}: what the CI formats, the report site and people
 * read. The rule itself lives in the gate module; this is its record.
 *
 * @param schema             always {@link #SCHEMA}
 * @param runId              the run judged
 * @param scenario           its scenario's name
 * @param fingerprint        its machine fingerprint's {@link MachineFingerprint#id id}
 * @param decidedAt          when the gate ran
 * @param baseline           what it was judged against, for people: {@code history: 12 earlier runs under results}
 *                           or {@code baseline: 20261203-020000-nightly}
 * @param historyRunIds      the earlier runs used, oldest first
 * @param passed             true when no verdict fails the gate
 * @param tests              how many tests the night's multiple-testing correction was over
 * @param alpha              the family-wise level they were held to
 * @param verdicts           one per configuration and metric, in the run's order, then the missing ones
 * @param commonShifts       per metric, the night's shift common to all configurations, when estimated
 * @param environmentChanges machine or software changes since the latest earlier run of the scenario on
 *                           another fingerprint (a new series starts there); empty when none
 * @param notes              anything else the reader should know (e.g. results skipped as unreadable)
 */
public record GateRecord(String schema, String runId, String scenario, String fingerprint, Instant decidedAt,
                         String baseline, List<String> historyRunIds, boolean passed, int tests, double alpha,
                         List<Verdict> verdicts, List<Verdict> commonShifts, List<EnvironmentChange> environmentChanges,
                         List<String> notes) {
    public static final String SCHEMA = "inferbench.gate/1";

    /** The configuration name common shifts carry: they are about the machine, not one configuration. */
    public static final String ALL_CONFIGURATIONS = "(all configurations)";

    public GateRecord {
        Objects.requireNonNull(runId, "runId");
        historyRunIds = historyRunIds == null ? List.of() : List.copyOf(historyRunIds);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        commonShifts = commonShifts == null ? List.of() : List.copyOf(commonShifts);
        environmentChanges = environmentChanges == null ? List.of() : List.copyOf(environmentChanges);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The verdicts that fail the gate (regressions that were confirmed or not put to confirmation). */
    public List<Verdict> failures() {
        return java.util.stream.Stream.concat(verdicts.stream(), commonShifts.stream())
                .filter(v -> v.outcome() == Outcome.REGRESSION).toList();
    }

    /** A verdict's outcome. Only {@link #REGRESSION} fails the gate. */
    public enum Outcome {
        REGRESSION("regression"),
        IMPROVEMENT("improvement"),
        UNCHANGED("unchanged"),
        INCONCLUSIVE("inconclusive"),
        NEW("new"),
        MISSING("missing"),
        /** Looked like a regression, did not reproduce in the confirmation reruns: does not fail the gate. */
        NOT_CONFIRMED("not confirmed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** How reports and CI formats name it. */
        public String label() {
            return label;
        }
    }

    /**
     * One configuration's metric, judged.
     *
     * @param configuration     the configuration's label, or {@link #ALL_CONFIGURATIONS} for a common shift
     * @param metric            {@code p50}, {@code p99}, {@code throughput}, {@code accuracy}, {@code peak-rss},
     *                          {@code energy-per-inference} (the names the gate's flags and scenario block use)
     * @param unit              the unit of {@code baseline} and {@code current}: {@code ms}, {@code inferences/s},
     *                          {@code bytes}, {@code J}, or {@code proportion} for accuracy
     * @param lowerIsBetter     which way is better
     * @param relative          true when {@code change} is a ratio (current / baseline); false when it is a
     *                          difference in percentage points (accuracy)
     * @param outcome           the verdict
     * @param baseline          the expected value (history mean, or the baseline run's value); null when new
     * @param current           tonight's value; null when missing
     * @param change            the change tested (ratio, or points); null when new or missing
     * @param changeLow         its 95% interval's lower end; null when unknown
     * @param changeHigh        its 95% interval's upper end; null when unknown
     * @param threshold         the smallest change that counts: a fraction (0.05) or points (1.0)
     * @param pValue            one-sided p-value of the change; null when not tested
     * @param adjustedPValue    Holm-adjusted over the night; null when not tested
     * @param minimumDetectable the smallest worsening this history could have detected (fraction, or
     *                          points); null when the noise is unknown
     * @param method            how significance was judged, one line
     * @param historyRuns       earlier runs used
     * @param opensNewSegment   true when change-point detection over the history and this run finds a
     *                          change at this run: the series starts a new level here
     * @param confirmation      the confirmation reruns' finding, when the verdict was put to them; else null
     */
    public record Verdict(String configuration, String metric, String unit, boolean lowerIsBetter, boolean relative,
                          Outcome outcome, Double baseline, Double current, Double change, Double changeLow,
                          Double changeHigh, double threshold, Double pValue, Double adjustedPValue,
                          Double minimumDetectable, String method, int historyRuns, boolean opensNewSegment,
                          Confirmation confirmation) {
        public Verdict {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** {@code +12.3%} for a ratio, {@code -1.5 pt} for points; empty when there is no change. */
        public String changeText() {
            if (change == null) {
                return "";
            }
            return relative ? String.format(java.util.Locale.ROOT, "%+.1f%%", (change - 1) * 100)
                    : String.format(java.util.Locale.ROOT, "%+.2f pt", change);
        }
    }

    /**
     * What the confirmation reruns found for a suspected regression.
     *
     * @param reruns     how many times the configuration (and, when it could be, the baseline) was re-run
     * @param confirmed  true when the regression reproduced
     * @param against    what the reruns were compared with: {@code interleaved baseline reruns}, or
     *                   {@code history (baseline not re-run: <why>)}
     * @param change     the reruns' change (ratio, or points)
     * @param changeLow  its 95% interval's lower end; null when unknown
     * @param changeHigh its 95% interval's upper end; null when unknown
     * @param pValue     one-sided p-value; null when not tested
     */
    public record Confirmation(int reruns, boolean confirmed, String against, Double change, Double changeLow,
                               Double changeHigh, Double pValue) {
    }

    /**
     * The machine or software changed since an earlier run of the scenario: a new series starts.
     *
     * @param sinceRunId  the latest earlier run of the scenario on the other fingerprint
     * @param before      that run's fingerprint id
     * @param after       this run's fingerprint id
     * @param differences what changed
     */
    public record EnvironmentChange(String sinceRunId, String before, String after,
                                    List<MachineFingerprint.Difference> differences) {
        public EnvironmentChange {
            differences = differences == null ? List.of() : List.copyOf(differences);
        }
    }
}
