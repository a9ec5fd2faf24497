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
     * Same input tensors, fed alike ({@link InputFeed}), same output names. Tensors are matched by name, not by
     * position: backends list a model's inputs in different orders (DJL's TensorFlow engine sorts a
     * SavedModel signature's inputs by name, the ONNX graph does not).
     */
    public static boolean alike(ConfigurationResult a, ConfigurationResult b) {
        return byName(a.session().inputs()).equals(byName(b.session().inputs()))
                && byName(a.session().outputs()).keySet().equals(byName(b.session().outputs()).keySet())
                && Objects.equals(a.setup().feed(), b.setup().feed());
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
                if (alike(c, first) || (c.session().inputs().isEmpty() || first.session().inputs().isEmpty())
                        && Objects.equals(declaredModel(c), declaredModel(first))) {
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

    private static String declaredModel(ConfigurationResult c) {
        return c.setup().model() == null ? null : c.setup().model().declared();
    }
}
