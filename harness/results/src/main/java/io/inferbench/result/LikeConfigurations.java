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

    /**
     * Same input tensors and input settings, same output names. Tensors are matched by name, not by
     * position: backends list a model's inputs in different orders (DJL's TensorFlow engine sorts a
     * SavedModel signature's inputs by name, the ONNX graph does not).
     */
    public static boolean alike(ConfigurationResult a, ConfigurationResult b) {
        return byName(a.inputs()).equals(byName(b.inputs()))
                && byName(a.outputs()).keySet().equals(byName(b.outputs()).keySet())
                && inputSettings(a).equals(inputSettings(b));
    }

    private static Map<String, TensorInfo> byName(List<TensorInfo> tensors) {
        Map<String, TensorInfo> m = new TreeMap<>();
        tensors.forEach(t -> m.put(t.name(), t));
        return m;
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
