package io.inferbench.scenario;

import io.inferbench.scenario.keys.GateKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's {@code gate:} block as written: the regression gate's rule for this scenario's
 * runs. Every field left out of the block is null (or, for thresholds, absent from the map),
 * meaning "the gate's default"; {@code inferbench gate}'s flags override what is set here.
 *
 * @param thresholds per metric named in {@link #METRICS}: the smallest worsening that counts, as a
 *                   fraction for the relative metrics (5% is 0.05) and in percentage points for
 *                   {@code accuracy} (1 is one point)
 * @param alpha      the night's family-wise error rate, in (0, 0.5); null for the default
 * @param lookback   earlier runs making up a series' history, at least {@code minHistory}; null for the default
 * @param minHistory fewest earlier runs for the history test, at least 2; null for the default
 * @param confirm    confirmation reruns of a suspected configuration, 0..20; null for the default (none)
 * @param commonMode whether the machine-drift (common-mode) correction applies; null for the default (on)
 */
public record GateSpec(Map<String, Double> thresholds, Double alpha, Integer lookback, Integer minHistory,
                       Integer confirm, Boolean commonMode) {
    /** The metric names thresholds are keyed by: p50, p99, throughput, accuracy, peak-rss, energy-per-inference. */
    public static final List<String> METRICS = GateKeys.THRESHOLDS_SECTION.keyNames();
    /** No {@code gate:} block: every setting the gate's default. */
    public static final GateSpec NONE = new GateSpec(Map.of(), null, null, null, null, null);

    public GateSpec {
        for (Map.Entry<String, Double> e : thresholds.entrySet()) {
            if (!METRICS.contains(e.getKey())) {
                throw new IllegalArgumentException("thresholds: unknown metric '" + e.getKey() + "', expected one of "
                        + String.join(", ", METRICS));
            }
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("thresholds." + e.getKey() + ": expected a finite value >= 0, got "
                        + e.getValue());
            }
        }
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /** Whether nothing is set (no block, or an empty one). */
    public boolean isNone() {
        return thresholds.isEmpty() && alpha == null && lookback == null && minHistory == null && confirm == null
                && commonMode == null;
    }

    /** The threshold set for {@code metric} (a name of {@link #METRICS}); empty for its default. */
    public Optional<Double> threshold(String metric) {
        return Optional.ofNullable(thresholds.get(metric));
    }

    /**
     * The {@code gate:} block of a scenario's text, read without backends or files: what the gate
     * command needs from a result's recorded scenario. Only that block is checked; the rest of the
     * scenario is not (it was checked when the run was made).
     *
     * @param yamlText the scenario, verbatim
     * @param fileName how errors name the file, e.g. {@code results/20250101-0200/result.json (scenario)}
     * @return {@link #NONE} when the text has no {@code gate:} block
     * @throws ScenarioException for invalid YAML or a bad block, each problem naming file, line and field
     */
    public static GateSpec fromScenarioSource(String yamlText, String fileName) throws ScenarioException {
        Problems problems = new Problems(fileName);
        var root = ScenarioParser.compose(fileName, yamlText);
        if (root == null) {
            return NONE;
        }
        // Only gate: is read, so every other top-level key is allowed as it stands.
        YamlMap top = YamlMap.of(root, "", problems, YamlMap.topLevelKeys(root));
        problems.throwIfAny();
        YamlMap block = top.map(ScenarioKeys.GATE);
        GateSpec spec = new GateBinder().bind(block);
        problems.throwIfAny();
        return spec;
    }
}
