package io.inferbench.report;

import io.inferbench.result.PhaseResult;
import java.util.List;

/**
 * One row of the "Early-stopping estimates" table: MLPerf's conservative latency percentile, the
 * value the true percentile stays under with the given confidence, and whether enough queries were
 * run to state one at all. Where the plain percentile and this estimate differ much, the tail is
 * known only roughly.
 *
 * @param percentile  e.g. {@code p99}
 * @param confidence  e.g. {@code 99%}
 * @param value       the conservative percentile in ms, or a dash with too few queries
 * @param queries     queries behind it and the fewest that can bound it, e.g. {@code 52 / 662}
 * @param sufficient  whether there were enough queries
 */
record EarlyStoppingView(String percentile, String confidence, String value, String queries, boolean sufficient) {
    /** One row per estimate of {@code m}; empty when none were computed. */
    static List<EarlyStoppingView> of(PhaseResult m) {
        if (m == null) {
            return List.of();
        }
        return m.earlyStopping().stream().map(e -> new EarlyStoppingView(Formats.percentile(e.percentile()),
                Formats.percent(e.confidence() * 100).replace(".0%", "%"), Formats.ms(e.valueMs()),
                Formats.count(e.queries()) + " / " + Formats.count(e.minimumQueries()),
                e.sufficient())).toList();
    }
}
