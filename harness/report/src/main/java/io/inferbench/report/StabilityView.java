package io.inferbench.report;

import io.inferbench.result.PhaseResult;
import io.inferbench.result.StabilityResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Stability" block of a configuration's details: whether the last measurement windows agreed
 * (perf_analyzer's rule). An unstable measurement was still drifting, e.g. warming up, throttling
 * or being disturbed, so its averages describe no steady state.
 *
 * @param status      {@code STABLE} or {@code UNSTABLE}
 * @param statusClass lower-case status, for CSS
 * @param rule        the rule applied, e.g. {@code last 3 windows within 10% of their mean on throughput and p99}
 * @param failures    the outcome, in words, of each phase that broke the rule (each starting
 *                    {@code fork N:} when forked); empty when stable
 * @param rows        the rule and its outcomes as table rows
 */
record StabilityView(String status, String statusClass, String rule, List<String> failures, List<KeyValue> rows) {
    /**
     * The block for the measurement, or for the forks' own measurements when the merged one has no
     * stability figures (each fork is judged on its own windows); null when the rule was not applied.
     */
    static StabilityView of(PhaseResult m, List<PhaseResult> forks) {
        if (m != null && m.stability() != null) {
            StabilityResult s = m.stability();
            String outcome = Formats.text(s.detail());
            return new StabilityView(label(s.stable()), cssClass(s.stable()), rule(s),
                    s.stable() ? List.of() : List.of(outcome),
                    List.of(KeyValue.of("Rule", rule(s)), KeyValue.of("Outcome", outcome)));
        }
        List<String> failures = new ArrayList<>();
        List<KeyValue> rows = new ArrayList<>();
        StabilityResult first = null;
        boolean stable = true;
        for (int i = 0; i < forks.size(); i++) {
            StabilityResult s = forks.get(i) == null ? null : forks.get(i).stability();
            if (s != null) {
                first = first == null ? s : first;
                stable &= s.stable();
                String outcome = (s.stable() ? "stable: " : "UNSTABLE: ") + Formats.text(s.detail());
                if (!s.stable()) {
                    failures.add("fork " + (i + 1) + ": " + Formats.text(s.detail()));
                }
                rows.add(KeyValue.of("Fork " + (i + 1), outcome));
            }
        }
        if (first == null) {
            return null;
        }
        rows.add(0, KeyValue.of("Rule", rule(first) + ", in each fork"));
        return new StabilityView(label(stable), cssClass(stable), rule(first), failures, rows);
    }

    /** True when {@code m} or any of {@code forks} failed the stability rule. */
    static boolean unstable(PhaseResult m, List<PhaseResult> forks) {
        StabilityView v = of(m, forks);
        return v != null && v.statusClass().equals("unstable");
    }

    private static String rule(StabilityResult s) {
        return "last " + s.windows() + " windows within " + NiceScale.label(s.tolerancePercent())
                + "% of their mean on throughput and " + Formats.percentile(s.percentile());
    }

    private static String label(boolean stable) {
        return stable ? "STABLE" : "UNSTABLE";
    }

    private static String cssClass(boolean stable) {
        return stable ? "stable" : "unstable";
    }
}
