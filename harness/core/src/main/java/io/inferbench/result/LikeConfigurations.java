package io.inferbench.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which configurations of a run can be ranked against each other: those fed the same inputs with
 * the same outputs (fp32 vs int8, one backend vs another), never two different models.
 */
public final class LikeConfigurations {
    private LikeConfigurations() {
    }

    /** Same input tensors and input settings, same output names. */
    public static boolean alike(ConfigurationResult a, ConfigurationResult b) {
        return a.inputs().equals(b.inputs())
                && a.outputs().stream().map(TensorInfo::name).toList()
                .equals(b.outputs().stream().map(TensorInfo::name).toList())
                && inputSettings(a).equals(inputSettings(b));
    }

    /** The largest group of alike configurations (the first on ties); a failed one joins its model's group. */
    public static List<ConfigurationResult> largestGroup(List<ConfigurationResult> all) {
        List<List<ConfigurationResult>> groups = new ArrayList<>();
        for (ConfigurationResult c : all) {
            List<ConfigurationResult> home = null;
            for (List<ConfigurationResult> g : groups) {
                ConfigurationResult first = g.get(0);
                if (alike(c, first) || (c.inputs().isEmpty() || first.inputs().isEmpty())
                        && Objects.equals(c.settings().get("model"), first.settings().get("model"))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(c);
        }
        return groups.stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
    }

    private static Map<String, String> inputSettings(ConfigurationResult c) {
        Map<String, String> m = new TreeMap<>();
        c.settings().forEach((k, v) -> {
            if (k.startsWith("inputs.")) {
                m.put(k, v);
            }
        });
        return m;
    }
}
