package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Decimal;
import io.inferbench.scenario.keys.ValueType.Flag;
import io.inferbench.scenario.keys.ValueType.Percentage;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/**
 * {@code gate:}, scenario-wide: the nightly regression gate's rule for this scenario's runs
 * ({@code inferbench gate}). Every key is optional and the command's flags override it; the
 * defaults are the gate's own (harness/gate's {@code GateSettings.DEFAULT}), restated here for
 * editors and the documentation.
 */
public final class GateKeys {
    public static final KeySpec P50 = relative("p50", "median latency", "5%");
    public static final KeySpec P99 = relative("p99", "99th-percentile latency", "5%");
    public static final KeySpec THROUGHPUT = relative("throughput", "throughput (lower is worse)", "5%");
    public static final KeySpec ACCURACY = KeySpec.of("accuracy", new Decimal(0, false, 100, false), "The smallest "
            + "drop of the first accuracy task's main metric that counts, in percentage points (1 = one point, "
            + "not 1%).").withDefault(1.0);
    public static final KeySpec PEAK_RSS = relative("peak-rss", "peak resident memory", "10%");
    public static final KeySpec ENERGY_PER_INFERENCE = relative("energy-per-inference", "energy per inference "
            + "(the energy counters read the whole package, other jobs' power too)", "10%");
    public static final SectionSpec THRESHOLDS_SECTION = new SectionSpec("gateThresholds", "Per metric: the smallest "
            + "change in the worse direction that can be a regression. Relative metrics take a percentage (5% or 5, "
            + "not a fraction); accuracy takes percentage points. Metrics not named keep their default.",
            List.of(P50, P99, THROUGHPUT, ACCURACY, PEAK_RSS, ENERGY_PER_INFERENCE));
    public static final KeySpec THRESHOLDS = KeySpec.section("thresholds", THRESHOLDS_SECTION);

    public static final KeySpec ALPHA = KeySpec.of("alpha", new Decimal(0, true, 0.5, true), "Family-wise error rate "
            + "of one night: the chance that an unchanged night reports any regression (Holm over all of the night's "
            + "tests); above 0 and below 0.5.").withDefault(0.005);
    public static final KeySpec MIN_HISTORY = KeySpec.of("min-history", new Whole(2, 10_000), "Fewest earlier runs "
            + "whose spread the verdict is tested against (at least 2); with fewer, it falls back to within-run "
            + "statistics against the latest earlier run and says so.").withDefault(3L);
    public static final KeySpec LOOKBACK = KeySpec.of("lookback", new Whole(2, 10_000), "How many of the latest "
            + "earlier runs make up a series' history (K); at least min-history.").withDefault(30L);
    public static final KeySpec CONFIRM = KeySpec.of("confirm", new Whole(0, 20), "Before failing, re-run each "
            + "suspected configuration this many times interleaved with the baseline's recorded configuration "
            + "(A/B/A/B); a regression that does not reproduce is 'not confirmed' and does not fail (0..20; "
            + "0: no reruns).").withDefault(0L);
    public static final KeySpec COMMON_MODE = KeySpec.of("common-mode", new Flag(), "Judge each configuration "
            + "relative to the night's common shift of all configurations (machine drift), the shift itself tested "
            + "against its own history.").withDefault(true);

    public static final SectionSpec SECTION = new SectionSpec("gate", "The nightly regression gate's rule for this "
            + "scenario's runs, scenario-wide (matrix variants cannot change it): a regression needs the change "
            + "beyond its metric's threshold and significant against the between-run noise of the configuration's "
            + "history. inferbench gate's flags override these keys.",
            List.of(THRESHOLDS, ALPHA, LOOKBACK, MIN_HISTORY, CONFIRM, COMMON_MODE));

    private GateKeys() {
    }

    private static KeySpec relative(String name, String metric, String defaultValue) {
        return KeySpec.of(name, new Percentage(), "The smallest worsening of " + metric + " that counts, a percentage "
                + "such as " + defaultValue + " (or " + defaultValue.replace("%", "") + ").").withDefault(defaultValue);
    }
}
