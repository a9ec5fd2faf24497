package io.inferbench.accuracy;

import io.inferbench.result.AccuracyDropResult;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.api.Interval;
import io.inferbench.scenario.AccuracySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Each configuration's task accuracy against the reference configuration's, per task, paired over
 * the same items (a seeded bootstrap that resamples items jointly): the drop in points with its
 * interval. Tasks without per-item scores, or scored on different items, get no drop.
 */
public final class AccuracyDrops {
    /** Fixed so a result file's intervals can be reproduced from its item scores. */
    static final long BOOTSTRAP_SEED = 20261122L;

    private AccuracyDrops() {
    }

    /** The configuration {@code spec.reference()} names among those scored, or the first scored one; null if none. */
    public static ConfigurationResult reference(List<ConfigurationResult> configurations, AccuracySpec spec) {
        for (ConfigurationResult c : configurations) {
            boolean named = spec.reference() == null || AccuracySpec.names(spec.reference(), c.id(), c.label(),
                    c.setup().axes());
            if (named && c.accuracy().stream().anyMatch(a -> a.main() != null)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Per task, against the first configuration {@code spec.reference()} names that scored that task
     * (so {@code backend=onnxruntime} is the reference of each model's task in a cross-backend run).
     */
    public static List<AccuracyDropResult> compute(List<ConfigurationResult> configurations, AccuracySpec spec) {
        List<AccuracyDropResult> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        for (var task : spec.tasks()) {
            ConfigurationResult ref = null;
            for (ConfigurationResult c : configurations) {
                boolean named = spec.reference() == null || AccuracySpec.names(spec.reference(), c.id(), c.label(),
                        c.setup().axes());
                if (named && main(c, task.name()) != null) {
                    ref = c;
                    break;
                }
            }
            if (ref == null) {
                continue;
            }
            AccuracyMetric a = main(ref, task.name());
            for (ConfigurationResult c : configurations) {
                AccuracyMetric b = main(c, task.name());
                if (c == ref || b == null || !a.name().equals(b.name()) || a.items() == null || b.items() == null
                        || a.items().size() != b.items().size() || a.items().size() == 0) {
                    continue;
                }
                Interval ci = ConfidenceIntervals.pairedDifference(a.items(), b.items(), spec.confidence(),
                        BOOTSTRAP_SEED);
                out.add(new AccuracyDropResult(c.id(), ref.id(), task.name(), a.name(), a.value(), b.value(),
                        (a.value() - b.value()) * 100, new Interval(ci.low() * 100, ci.high() * 100, ci.bounded()),
                        spec.confidence(), a.items().size(), "paired bootstrap over items ("
                        + ConfidenceIntervals.RESAMPLES + " resamples)"));
            }
        }
        return out;
    }

    private static AccuracyMetric main(ConfigurationResult c, String task) {
        return c.accuracy().stream().filter(x -> x.task().equals(task)).map(AccuracyResult::main)
                .filter(m -> m != null).findFirst().orElse(null);
    }
}
