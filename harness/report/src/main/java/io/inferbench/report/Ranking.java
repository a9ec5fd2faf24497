package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Orders the valid configurations of a run by median latency (lowest first) and by throughput
 * (highest first). Configurations that are not {@link ConfigurationView#isValid valid}, or lack
 * the figure, are left out: only a valid measurement can win.
 */
final class Ranking {
    private Ranking() {
    }

    /** Valid configurations by p50, lowest first. */
    static List<ConfigurationResult> byMedian(List<ConfigurationResult> configs) {
        return ranked(configs, c -> c.measurement().latency().valueMs(50.0), false);
    }

    /** Valid configurations by throughput, highest first. */
    static List<ConfigurationResult> byThroughput(List<ConfigurationResult> configs) {
        return ranked(configs, c -> c.measurement().throughputQps(), true);
    }

    private static List<ConfigurationResult> ranked(List<ConfigurationResult> configs,
                                                    ToDoubleFunction<ConfigurationResult> key, boolean highFirst) {
        Comparator<ConfigurationResult> order = Comparator.comparingDouble(key);
        return configs.stream().filter(ConfigurationView::isValid).filter(c -> Double.isFinite(key.applyAsDouble(c)))
                .sorted(highFirst ? order.reversed() : order).toList();
    }
}
