package io.inferbench.adapter.djl;

import ai.djl.metric.Metric;
import ai.djl.metric.Metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DJL's own split of a {@code Predictor.predict} call (its {@code Metrics}: Preprocess = translator
 * input, Inference = the engine's forward, Postprocess = translator output, Prediction = all of it),
 * summarised over every runner of a session, warmup and output capture included.
 */
final class DjlMetrics {
    /** DJL's metric names, in pipeline order. */
    static final List<String> STAGES = List.of("Preprocess", "Inference", "Postprocess", "Prediction");

    private DjlMetrics() {
    }

    /** e.g. {@code djl-inference-us: p50 31250, p99 40210 (n=812)}; empty when nothing was recorded. */
    static Map<String, String> summary(List<Metrics> all) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String stage : STAGES) {
            List<Double> values = new ArrayList<>();
            for (Metrics metrics : all) {
                if (metrics.hasMetric(stage)) {
                    for (Metric metric : metrics.getMetric(stage)) {
                        values.add(metric.getValue());
                    }
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            Collections.sort(values);
            m.put("djl-" + stage.toLowerCase(java.util.Locale.ROOT) + "-us", "p50 " + Math.round(quantile(values, 0.5))
                    + ", p99 " + Math.round(quantile(values, 0.99)) + " (n=" + values.size() + ")");
        }
        return m;
    }

    /** Nearest-rank quantile of sorted values. */
    static double quantile(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
