package io.inferbench.cli;

import io.inferbench.gate.GateSettings;
import io.inferbench.gate.MetricKind;
import io.inferbench.regression.MetricNames;
import io.inferbench.result.RunResult;
import java.util.List;

/**
 * The gate's settings: the defaults, then the judged run's scenario {@code gate:} block, then the
 * command's flags, each overriding the one before.
 *
 * @param settings the rule's settings
 * @param confirm  confirmation reruns per suspected configuration (0: none)
 */
record GateOptions(GateSettings settings, int confirm) {
    /** Most reruns the command takes: each one is a full configuration run. */
    static final int MAX_CONFIRM = 20;

    static GateOptions resolve(RunResult run, Double alpha, Integer lookback, List<String> thresholds,
                               boolean noCommonMode, Integer confirm) throws BadInputException {
        ScenarioGateBlock block = ScenarioGateBlock.of(run);
        GateSettings s = block.apply(GateSettings.DEFAULT);
        try {
            if (alpha != null) {
                s = s.withAlpha(alpha);
            }
            if (lookback != null) {
                s = s.withLookback(lookback);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException((alpha != null ? "--alpha/--lookback: " : "--lookback: ") + e.getMessage());
        }
        for (String t : thresholds) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--threshold " + t + ": expected METRIC=VALUE, e.g. p99=10% (metrics: "
                        + MetricNames.known() + ")");
            }
            try {
                MetricKind metric = MetricNames.parse(t.substring(0, eq));
                s = s.withThreshold(metric, MetricNames.parseThreshold(metric, t.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--threshold " + t + ": " + e.getMessage());
            }
        }
        if (noCommonMode) {
            s = s.withCommonModeCorrection(false);
        }
        int reruns = confirm != null ? confirm : block.confirm();
        if (reruns < 0 || reruns > MAX_CONFIRM) {
            throw new BadInputException("--confirm " + reruns + ": expected 0 to " + MAX_CONFIRM + " reruns");
        }
        return new GateOptions(s, reruns);
    }
}
