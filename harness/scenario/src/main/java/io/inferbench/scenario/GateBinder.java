package io.inferbench.scenario;

import io.inferbench.scenario.keys.GateKeys;
import io.inferbench.scenario.keys.KeySpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds {@code gate:}: thresholds (percentages to fractions, accuracy in points) and the rule's settings. */
final class GateBinder {

    /** The block ({@link GateSpec#NONE} when {@code m} is null); null after recording a problem. */
    GateSpec bind(YamlMap m) {
        if (m == null) {
            return GateSpec.NONE;
        }
        int problemsBefore = m.problems().size();
        Map<String, Double> thresholds = thresholds(m.map(GateKeys.THRESHOLDS));
        Double alpha = m.boundedNumber(GateKeys.ALPHA);
        Integer lookback = m.smallInteger(GateKeys.LOOKBACK, null);
        Integer minHistory = m.smallInteger(GateKeys.MIN_HISTORY, null);
        Integer confirm = confirm(m);
        Boolean commonMode = m.has(GateKeys.COMMON_MODE.name()) ? m.flag(GateKeys.COMMON_MODE) : null;
        if (lookback != null) {
            int fewest = minHistory != null ? minHistory : GateKeys.MIN_HISTORY.defaultInt();
            if (lookback < fewest) {
                return m.problem(GateKeys.LOOKBACK.name(), "lookback (" + lookback + ") must be at least min-history ("
                        + fewest + (minHistory == null ? ", its default" : "") + "): the history test needs that "
                        + "many earlier runs in the window");
            }
        }
        if (m.problems().size() > problemsBefore) {
            return null;
        }
        return new GateSpec(thresholds, alpha, lookback, minHistory, confirm, commonMode);
    }

    private static Integer confirm(YamlMap m) {
        KeySpec key = GateKeys.CONFIRM;
        Integer confirm = m.smallInteger(key.name(), YamlMap.whole(key).min(), null);
        long max = YamlMap.whole(key).max();
        if (confirm != null && confirm > max) {
            return m.problem(key.name(), "expected at most " + max + " confirmation reruns, got " + confirm);
        }
        return confirm;
    }

    /** Set thresholds by metric name: relative ones as fractions, accuracy in points. */
    private static Map<String, Double> thresholds(YamlMap m) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        for (KeySpec key : GateKeys.THRESHOLDS_SECTION.keys()) {
            if (!m.has(key.name())) {
                continue;
            }
            Double value = key == GateKeys.ACCURACY ? points(m, key) : fraction(m.percentage(key, null));
            if (value != null) {
                out.put(key.name(), value);
            }
        }
        return out;
    }

    private static Double fraction(Double percent) {
        return percent == null ? null : percent / 100;
    }

    /** Percentage points; {@code 1%} is refused, since a drop from 90% to 89.1% is 1% but 0.9 points. */
    private static Double points(YamlMap m, KeySpec key) {
        if (m.raw(key.name()) instanceof org.yaml.snakeyaml.nodes.ScalarNode s && s.getValue().strip().endsWith("%")) {
            return m.problem(key.name(), "the accuracy threshold is in percentage points: write 1 for one point, "
                    + "not '" + s.getValue() + "'");
        }
        return m.boundedNumber(key);
    }
}
