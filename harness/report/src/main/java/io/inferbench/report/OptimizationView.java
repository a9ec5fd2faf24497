package io.inferbench.report;

import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AgreementResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.LikeConfigurations;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "Optimization trade-offs" section: each configuration whose model InferBench
 * optimized itself ({@code optimization.steps}) beside the original it was made from — size,
 * latency, throughput, accuracy and output agreement — with the Pareto front, so that what a step
 * buys and what it costs sit in one row. Empty (no section) when no configuration has steps.
 *
 * @param rows  the original first, then each optimized configuration, in run order
 * @param steps every step applied, with what it did to the graph
 */
record OptimizationView(List<Row> rows, List<Step> steps) {
    /**
     * @param label      the configuration
     * @param id         its id
     * @param steps      the steps applied, or "original"
     * @param size       the model file's size after the steps
     * @param p50        median latency with the original's as the unit, e.g. {@code 12.7 ms (1.09×)}
     * @param throughput queries per second
     * @param accuracy   the first accuracy task's main metric, or missing
     * @param agreement  output agreement with the original (the pooled embeddings' mean cosine, with the raw
     *                   tensor's beside it; the raw one alone for other outputs), or missing
     * @param pareto     on the recommendation's Pareto front
     */
    record Row(String label, String id, String steps, String size, String p50, String throughput, String accuracy,
               String agreement, boolean pareto) {
    }

    /**
     * @param configuration the configuration it belongs to
     * @param step          the step and its settings
     * @param effect        time taken, size before and after, nodes changed and left alone, sparsity
     * @param leftAlone     each node left alone, with the reason
     */
    record Step(String configuration, String step, String effect, List<String> leftAlone) {
    }

    static OptimizationView of(RunResult run) {
        List<ConfigurationResult> optimized = run.configurations().stream().filter(OptimizationView::hasSteps).toList();
        if (optimized.isEmpty()) {
            return new OptimizationView(List.of(), List.of());
        }
        // The original: the first alike configuration without steps (same inputs and outputs).
        ConfigurationResult original = run.configurations().stream()
                .filter(c -> !hasSteps(c) && LikeConfigurations.alike(c, optimized.get(0))).findFirst().orElse(null);
        List<String> front = run.summary().recommendation() == null ? List.of()
                : run.summary().recommendation().paretoFront();
        double base = original == null || original.measurement() == null ? Double.NaN
                : original.measurement().latency().valueMs(50);
        List<Row> rows = new ArrayList<>();
        if (original != null) {
            rows.add(row(run, original, original, base, front));
        }
        List<Step> steps = new ArrayList<>();
        for (ConfigurationResult c : optimized) {
            rows.add(row(run, c, original, base, front));
            for (OptimizationInfo o : c.setup().model().optimizations()) {
                steps.add(new Step(c.label(), o.describe(), effect(o), o.leftAlone()));
            }
        }
        return new OptimizationView(rows, steps);
    }

    boolean any() {
        return !rows.isEmpty();
    }

    private static boolean hasSteps(ConfigurationResult c) {
        ModelInfo m = c.setup().model();
        return m != null && !m.optimizations().isEmpty();
    }

    private static Row row(RunResult run, ConfigurationResult c, ConfigurationResult original, double base,
                           List<String> front) {
        ModelInfo m = c.setup().model();
        String steps = hasSteps(c) ? String.join(" → ", m.optimizations().stream().map(OptimizationInfo::step).toList())
                : "original";
        long size = hasSteps(c) ? m.optimizations().get(m.optimizations().size() - 1).sizeAfterBytes()
                : m == null ? -1 : m.sizeBytes();
        String p50 = Formats.MISSING;
        String qps = Formats.MISSING;
        if (c.measurement() != null && c.measurement().latency() != null) {
            double v = c.measurement().latency().valueMs(50);
            p50 = Formats.ms(v) + " ms" + (Double.isFinite(base) && c != original ? " ("
                    + Formats.decimal(v / base, 2) + "×)" : "");
            qps = Formats.decimal(c.measurement().throughputQps(), 1) + "/s";
        }
        AccuracyMetric a = c.mainAccuracy();
        String accuracy = a == null ? Formats.MISSING : Formats.decimal(100 * a.value(), 1) + "%";
        return new Row(c.label(), c.id(), steps, size >= 0 ? Formats.bytes(size) : Formats.MISSING, p50, qps, accuracy,
                agreement(run, c, original), front.contains(c.id()));
    }

    private static String agreement(RunResult run, ConfigurationResult c, ConfigurationResult original) {
        if (original == null || c == original) {
            return c == original ? "reference" : Formats.MISSING;
        }
        for (AgreementResult a : run.summary().agreements()) {
            if (a.candidateId().equals(c.id()) && a.referenceId().equals(original.id())) {
                // A text encoder's pooled embedding is what its users read; the raw tensor's cosine beside it.
                return a.pooled() ? "pooled cosine " + Formats.decimal(a.pooledMeanCosine(), 6) + " (raw "
                        + Formats.decimal(a.meanCosine(), 6) + ")" : "cosine " + Formats.decimal(a.meanCosine(), 6);
            }
        }
        return Formats.MISSING;
    }

    private static String effect(OptimizationInfo o) {
        StringBuilder s = new StringBuilder();
        s.append(Formats.bytes(o.sizeBeforeBytes())).append(" → ").append(Formats.bytes(o.sizeAfterBytes()))
                .append(", ").append(o.changed().size()).append(" node(s) changed, ").append(o.leftAlone().size())
                .append(" left alone");
        if (o.achievedSparsity() != null) {
            s.append(", sparsity ").append(Formats.decimal(o.achievedSparsity(), 3));
        }
        return s.append(", ").append(o.tookMillis()).append(" ms").toString();
    }
}
