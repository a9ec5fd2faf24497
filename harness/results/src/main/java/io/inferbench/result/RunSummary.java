package io.inferbench.result;

import java.util.List;

/**
 * What is derived from a run's measured configurations once they are all in: computed from the
 * result alone, so it can be recomputed, and empty until the run is analysed.
 *
 * @param comparisons    each measured configuration against its baseline (the scenario's {@code baseline:},
 *                       else the first earlier measured configuration fed alike)
 * @param recommendation the best configuration under the scenario's constraints, and why each other lost;
 *                       null until the run is analysed
 * @param agreements     each configuration's outputs against a reference configuration with the same inputs
 * @param accuracyDrops  each configuration's task accuracy against the {@code accuracy.reference}
 *                       configuration's, paired over the same items; empty without accuracy tasks
 * @param comparisonSettings how the comparisons were made (statistic, margin, p-value correction); null
 *                       in results written before the settings were recorded
 */
public record RunSummary(List<ComparisonResult> comparisons, RecommendationResult recommendation,
                         List<AgreementResult> agreements, List<AccuracyDropResult> accuracyDrops,
                         ComparisonSettings comparisonSettings) {
    /** Not analysed yet. */
    public static final RunSummary NONE = new RunSummary(List.of(), null, List.of(), List.of());

    /** Without recorded comparison settings. */
    public RunSummary(List<ComparisonResult> comparisons, RecommendationResult recommendation,
                      List<AgreementResult> agreements, List<AccuracyDropResult> accuracyDrops) {
        this(comparisons, recommendation, agreements, accuracyDrops, null);
    }

    public RunSummary {
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        accuracyDrops = accuracyDrops == null ? List.of() : List.copyOf(accuracyDrops);
    }
}
