package io.inferbench.report;

import io.inferbench.api.Interval;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.GateRecord;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the site's index, history pages and chooser need of one run: a few figures per
 * configuration, the machine fingerprint and the gate's outcome. Kept in the site's manifest, so an
 * incremental build reads only the results that are new or changed.
 *
 * @param runId          run id (plain text, as in the result)
 * @param startedAt      start time, or null
 * @param scenario       scenario name ({@code (unnamed scenario)} when it has none)
 * @param machine        host name and CPU model, for the index
 * @param fingerprint    the machine fingerprint ({@link MachineFingerprint#of(RunResult)})
 * @param recommended    the recommended configuration's label, or null
 * @param configurations one per configuration, in the run's order
 * @param gate           the gate's outcome for this run
 */
record SiteRun(String runId, Instant startedAt, String scenario, String machine, MachineFingerprint fingerprint,
               String recommended, List<Config> configurations, Gate gate) {
    static final String UNNAMED = "(unnamed scenario)";

    SiteRun {
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /** Start time for ordering: the epoch when unknown. */
    Instant started() {
        return startedAt == null ? Instant.EPOCH : startedAt;
    }

    /** How many configurations ended with {@code status} (VALID, INVALID, FAILED, SKIPPED). */
    int count(String status) {
        return (int) configurations.stream().filter(c -> c.status().equals(status)).count();
    }

    /**
     * One configuration's figures.
     *
     * @param label    its label
     * @param status   VALID, INVALID, FAILED or SKIPPED (or another verdict), as the report shows it
     * @param p50      median latency, ms, with its 95% CI; null unless measured
     * @param p99      p99 latency, ms, with its 95% CI; null unless measured
     * @param qps      throughput, queries/s; null unless measured
     * @param accuracy the first accuracy task's main metric; null when none
     * @param accuracyName that metric's task and name, e.g. {@code sst2 accuracy}; null when none
     */
    record Config(String label, String status, Stat p50, Stat p99, Double qps, Stat accuracy, String accuracyName) {
        boolean measured() {
            return p50 != null;
        }
    }

    /** A value with its 95% interval ({@code low}, {@code high} null when there is none). */
    record Stat(double value, Double low, Double high) {
        static Stat of(double value, Interval ci) {
            boolean bounded = ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high());
            return new Stat(value, bounded ? ci.low() : null, bounded ? ci.high() : null);
        }

        Interval interval() {
            return low == null || high == null ? null : new Interval(low, high, true);
        }
    }

    /**
     * The gate's outcome.
     *
     * @param state       {@code not gated}, {@code passed}, {@code failed} or {@code unreadable}
     * @param regressions verdicts that failed the gate
     * @param reason      why the record could not be read; null otherwise
     */
    record Gate(String state, int regressions, String reason) {
        static final Gate NOT_GATED = new Gate("not gated", 0, null);

        static Gate of(SiteGate gate) {
            if (gate instanceof SiteGate.Gated g) {
                GateRecord r = g.record();
                int failures = r.failures().size();
                return new Gate(r.passed() && failures == 0 ? "passed" : "failed", failures, null);
            }
            if (gate instanceof SiteGate.Unreadable u) {
                return new Gate("unreadable", 0, u.reason());
            }
            return NOT_GATED;
        }

        /** The index's text: {@code passed}, {@code FAILED 2 regressions}, {@code not gated}, … */
        String text() {
            return switch (state) {
                case "passed" -> "passed";
                case "failed" -> "FAILED " + regressions + (regressions == 1 ? " regression" : " regressions");
                case "unreadable" -> "gate record unreadable";
                default -> "not gated";
            };
        }
    }

    /** The summary of {@code run} and its gate outcome. */
    static SiteRun of(RunResult run, SiteGate gate) {
        List<Config> configs = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            configs.add(config(c));
        }
        String machine = run.environment() == null ? Formats.MISSING : Formats.text(run.environment().hostname())
                + (run.environment().cpuModel() == null ? "" : " · " + run.environment().cpuModel());
        String recommended = null;
        String best = run.summary().recommendation() == null ? null : run.summary().recommendation().bestId();
        if (best != null) {
            recommended = run.configurations().stream().filter(c -> best.equals(c.id()))
                    .map(ConfigurationView::label).findFirst().orElse(best);
        }
        String scenario = run.scenario() == null || run.scenario().name() == null || run.scenario().name().isBlank()
                ? UNNAMED : run.scenario().name();
        return new SiteRun(Formats.text(run.runId()), run.startedAt(), scenario, machine,
                MachineFingerprint.of(run), recommended, configs, Gate.of(gate));
    }

    static boolean measured(ConfigurationResult c) {
        return c != null && c.status() == ConfigurationStatus.OK && c.measurement() != null
                && c.measurement().latency() != null && Double.isFinite(c.measurement().latency().valueMs(50.0));
    }

    private static Config config(ConfigurationResult c) {
        AccuracyMetric main = c.mainAccuracy();
        Stat accuracy = main == null || !Double.isFinite(main.value()) ? null : Stat.of(main.value(), main.interval());
        String accuracyName = accuracy == null ? null : c.accuracy().get(0).task() + " " + main.name();
        if (!measured(c)) {
            return new Config(ConfigurationView.label(c), ConfigurationView.status(c), null, null, null, accuracy,
                    accuracyName);
        }
        PercentileEstimate p50 = c.measurement().latency().percentile(50.0);
        PercentileEstimate p99 = c.measurement().latency().percentile(99.0);
        double p99Value = c.measurement().latency().valueMs(99.0);
        return new Config(ConfigurationView.label(c), ConfigurationView.status(c), Stat.of(p50.valueMs(), p50.ci95Ms()),
                Double.isFinite(p99Value) ? Stat.of(p99Value, p99 == null ? null : p99.ci95Ms()) : null,
                Double.isFinite(c.measurement().throughputQps()) ? c.measurement().throughputQps() : null, accuracy,
                accuracyName);
    }
}
