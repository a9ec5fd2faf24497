package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Percentage;
import java.util.List;

/** {@code compare:}, scenario-wide: the statistic and the margin behind every comparison's verdict. */
public final class CompareKeys {
    public static final KeySpec METRIC = KeySpec.of("metric", new Choice(List.of("median", "p90", "p99")),
            "The latency statistic each configuration is compared on with its baseline: its ratio, interval and "
                    + "verdict (median: robust to stalls; p90 or p99: the tail a latency target is set on, which "
                    + "needs more samples for the same precision).").withDefault("median");
    public static final KeySpec MARGIN = KeySpec.of("margin", new Percentage(), "The equivalence margin: a ratio "
            + "whose 90% interval lies within (1/(1+margin), 1+margin) is called equivalent, e.g. 5% or 2.5%.")
            .withDefault("5%");

    public static final SectionSpec SECTION = new SectionSpec("compare", "How each configuration is compared with "
            + "its baseline, scenario-wide: the statistic and the equivalence margin. With several comparisons in "
            + "one run, the Mann-Whitney p-values are Holm-adjusted over all of them (the report says over how "
            + "many).", List.of(METRIC, MARGIN));

    private CompareKeys() {
    }
}
