package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ForkVariation;
import io.inferbench.api.Interval;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Forks" block of a configuration's details: each fresh JVM's own measurement, and the
 * variation between forks set against the variation within one. Between-fork variation is what a
 * rerun would show (JIT decisions, memory layout, the machine's state); two configurations whose
 * difference is within it cannot be told apart by this run.
 *
 * @param rows      one per fork, in the order run
 * @param variation mean across forks with its interval, and the between- and within-fork CVs;
 *                  empty when the result records no variation
 */
record ForksView(List<Row> rows, List<KeyValue> variation) {
    /**
     * One fork's measurement, formatted.
     *
     * @param fork       1-based fork number
     * @param queries    queries completed
     * @param throughput queries per second
     * @param p50        median latency, ms
     * @param p99        99th percentile, ms
     * @param stability  {@code stable}, {@code UNSTABLE} or a dash when the rule was not applied
     * @param unstable   true when the fork failed the stability rule
     */
    record Row(String fork, String queries, String throughput, String p50, String p99, String stability,
               boolean unstable) {
    }

    /** The block for {@code c}; null unless it ran in at least two forks. */
    static ForksView of(ConfigurationResult c) {
        if (c.phases().forks().size() < 2) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < c.phases().forks().size(); i++) {
            PhaseResult f = c.phases().forks().get(i);
            if (f == null) {
                continue;
            }
            double p50 = f.latency() == null ? Double.NaN : f.latency().valueMs(50.0);
            double p99 = f.latency() == null ? Double.NaN : f.latency().valueMs(99.0);
            String stability = f.stability() == null ? Formats.MISSING : f.stability().stable() ? "stable" : "UNSTABLE";
            rows.add(new Row(Integer.toString(i + 1), Formats.count(f.queries()), Formats.rate(f.throughputQps()),
                    Formats.ms(p50), Formats.ms(p99), stability, f.stability() != null && !f.stability().stable()));
        }
        return new ForksView(rows, variation(c.phases().variation()));
    }

    private static List<KeyValue> variation(ForkVariation v) {
        if (v == null) {
            return List.of();
        }
        String metric = Formats.text(v.metric());
        Interval ci = v.ci95AcrossForksMs();
        String range = ci == null ? null : Formats.range(ci);
        List<KeyValue> rows = new ArrayList<>();
        rows.add(KeyValue.of("Mean " + metric + " across " + v.forks() + " forks", Formats.ms(v.meanAcrossForksMs())
                + " ms" + (range == null ? "" : " (95% CI " + range + " ms" + (ci.bounded() ? "" : ", not bounded")
                + ")")));
        rows.add(new KeyValue("Between forks (CV)", metric + " " + Formats.percent(v.betweenForkCvPercent())
                + ", throughput " + Formats.percent(v.throughputBetweenForkCvPercent()),
                "coefficient of variation of each fork's figure: the run-to-run noise a rerun would show"));
        rows.add(new KeyValue("Within a fork (CV)", "latency " + Formats.percent(v.withinForkCvPercent()),
                "coefficient of variation of single queries' latency inside one fork, averaged over the forks"));
        return rows;
    }
}
