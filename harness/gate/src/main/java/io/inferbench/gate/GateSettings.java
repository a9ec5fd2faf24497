package io.inferbench.gate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rule's knobs, with the defaults the package documentation argues for. The scenario's
 * {@code gate:} block and the command's flags map onto these.
 *
 * @param alpha                   family-wise error rate of one night: the chance that an unchanged night
 *                                reports any regression at all (Holm over all of the night's tests)
 * @param lookback                how many of the latest earlier runs make up a series' history (K)
 * @param minHistoryRuns          fewest earlier runs for the history test; with fewer the verdict
 *                                falls back to within-run statistics
 * @param thresholds              per metric: the smallest change that counts (relative, or points
 *                                for accuracy); metrics not named keep their default
 * @param commonModeCorrection    whether each configuration is judged relative to the night's common
 *                                shift (machine drift), the shift itself tested against its own history
 * @param minCommonModeConfigurations fewest configurations (with history) for the common shift to be estimated
 * @param power                   the power at which the minimum detectable effect is stated
 */
public record GateSettings(double alpha, int lookback, int minHistoryRuns, Map<MetricKind, Double> thresholds,
                           boolean commonModeCorrection, int minCommonModeConfigurations, double power) {
    /** α 0.005, the last 30 runs, at least 3, default thresholds, common-mode correction on over 5+ configurations. */
    public static final GateSettings DEFAULT = new GateSettings(0.005, 30, 3, Map.of(), true, 5, 0.80);

    public GateSettings {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        if (minHistoryRuns < 2) {
            throw new IllegalArgumentException("minHistoryRuns must be at least 2 (a spread needs two runs), got "
                    + minHistoryRuns);
        }
        if (lookback < minHistoryRuns) {
            throw new IllegalArgumentException("lookback must be at least minHistoryRuns (" + minHistoryRuns
                    + "), got " + lookback);
        }
        Objects.requireNonNull(thresholds, "thresholds");
        EnumMap<MetricKind, Double> all = new EnumMap<>(MetricKind.class);
        for (MetricKind kind : MetricKind.values()) {
            double threshold = thresholds.getOrDefault(kind, kind.defaultThreshold());
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold of " + kind.label() + " must be finite and >= 0, got "
                        + threshold);
            }
            all.put(kind, threshold);
        }
        thresholds = Map.copyOf(all);
        if (minCommonModeConfigurations < 3) {
            throw new IllegalArgumentException("minCommonModeConfigurations must be at least 3, got "
                    + minCommonModeConfigurations);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + power);
        }
    }

    /** The threshold of {@code kind}: relative change in the worse direction, or points. */
    public double threshold(MetricKind kind) {
        return thresholds.get(kind);
    }

    public GateSettings withAlpha(double newAlpha) {
        return new GateSettings(newAlpha, lookback, minHistoryRuns, thresholds, commonModeCorrection,
                minCommonModeConfigurations, power);
    }

    public GateSettings withLookback(int runs) {
        return new GateSettings(alpha, runs, minHistoryRuns, thresholds, commonModeCorrection,
                minCommonModeConfigurations, power);
    }

    public GateSettings withHistory(int runs, int minRuns) {
        return new GateSettings(alpha, runs, minRuns, thresholds, commonModeCorrection, minCommonModeConfigurations,
                power);
    }

    public GateSettings withThreshold(MetricKind kind, double threshold) {
        EnumMap<MetricKind, Double> changed = new EnumMap<>(thresholds);
        changed.put(kind, threshold);
        return new GateSettings(alpha, lookback, minHistoryRuns, changed, commonModeCorrection,
                minCommonModeConfigurations, power);
    }

    public GateSettings withCommonModeCorrection(boolean on) {
        return new GateSettings(alpha, lookback, minHistoryRuns, thresholds, on, minCommonModeConfigurations, power);
    }
}
