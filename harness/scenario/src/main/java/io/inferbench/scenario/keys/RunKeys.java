package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Duration;
import io.inferbench.scenario.keys.ValueType.Flag;
import io.inferbench.scenario.keys.ValueType.ListOf;
import io.inferbench.scenario.keys.ValueType.MapOf;
import io.inferbench.scenario.keys.ValueType.NumberChoice;
import io.inferbench.scenario.keys.ValueType.Percentage;
import io.inferbench.scenario.keys.ValueType.Text;
import io.inferbench.scenario.keys.ValueType.Warmup;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/** {@code run:}: warmup, when the measurement has enough, forks, stability, and the child JVM. */
public final class RunKeys {
    /** Most queries a warmup or measurement may ask for: more is a typo (a billion queries of 1 ms is 11 days). */
    public static final long MAX_QUERIES = 100_000_000;
    /** The longest timeout: a week (each phase is at most a day, times forks). */
    public static final java.time.Duration MAX_TIMEOUT = java.time.Duration.ofDays(7);

    public static final KeySpec WARMUP_QUERIES = KeySpec.of("queries", new Whole(0, MAX_QUERIES), "Number of warmup queries.");
    public static final KeySpec WARMUP_DURATION = KeySpec.of("duration", new Duration(), "How long to warm up.");
    public static final KeySpec WARMUP = KeySpec.of("warmup", new Warmup(WARMUP_QUERIES, WARMUP_DURATION), "Warmup "
            + "before measuring, excluded from the results but reported: a whole number is a count of queries "
            + "(warmup: 20), anything else a duration (warmup: 5s); or { queries: N } or { duration: 5s }.")
            .withDefault("2s");
    public static final KeySpec MIN_DURATION = KeySpec.of("min-duration", new Duration(),
            "The measurement lasts at least this long.").withDefault("10s");
    public static final KeySpec MIN_QUERIES = KeySpec.of("min-queries", new Whole(1, MAX_QUERIES),
            "...and completes at least this many queries.").withDefault(100L);
    public static final KeySpec MAX_DURATION = KeySpec.of("max-duration", new Duration(), "Hard stop (not shorter "
            + "than min-duration); a measurement stopped here short of its minimums is INVALID.").withDefault("10m");
    public static final KeySpec FORKS = KeySpec.of("forks", new Whole(0, 100), "Child JVMs to run each configuration "
            + "in, one after another (as JMH's forks): each holds the core plus only that configuration's adapter, so "
            + "backends never share a JVM and a crash costs one configuration; 2 or more also measure run-to-run "
            + "variance. 0 runs it once in the harness's JVM (as --in-process does).").withDefault(1L);
    public static final KeySpec TIMEOUT = KeySpec.of("timeout", new Duration(MAX_TIMEOUT), "A configuration (all its forks) still "
            + "running after this is stopped and reported failed (default: 3 x max-duration + 2m).");

    public static final KeySpec WINDOWS = KeySpec.of("windows", new Whole(2, 100), "K: windows compared (2..100).")
            .withDefault(3L);
    public static final KeySpec TOLERANCE = KeySpec.of("tolerance", new Percentage(),
            "X: allowed spread, a percentage such as 10% (or 10).").withDefault("10%");
    public static final KeySpec STABILITY_PERCENTILE = KeySpec.of("percentile", new NumberChoice(List.of(50L, 90L, 99L)),
            "Latency percentile compared per window: 50, 90 or 99.").withDefault(99L);
    public static final KeySpec WARMUP_UNTIL_STABLE = KeySpec.of("warmup-until-stable", new Flag(),
            "Extend the warmup until the rule holds (bounded by max-duration).").withDefault(false);
    public static final SectionSpec STABILITY_SECTION = new SectionSpec(null, "perf_analyzer's stability rule: the last "
            + "K measurement windows (timeline intervals) agree within X% on throughput and the chosen percentile; "
            + "otherwise the configuration is INVALID.", List.of(WINDOWS, TOLERANCE, STABILITY_PERCENTILE,
            WARMUP_UNTIL_STABLE));
    public static final KeySpec STABILITY = KeySpec.section("stability", STABILITY_SECTION);

    public static final KeySpec EARLY_STOPPING = KeySpec.of("early-stopping", new Flag(), "Make the measurement "
            + "INVALID when it has too few queries for an MLPerf early-stopping estimate of the profile's key percentile "
            + "(p90 single-stream, p99 otherwise; e.g. 662 queries for p99 at 99% confidence). The estimates are "
            + "reported either way.").withDefault(false);

    public static final KeySpec TRACE = KeySpec.of("trace", new Flag(), "Write every query's scheduled, start and "
            + "end time, as LoadGen's detailed log does: trace.csv.gz and trace.json (Chrome's Trace Event Format, for "
            + "Perfetto or chrome://tracing) beside result.json. Off by default: it costs memory (32 bytes a "
            + "query, at most 4 million queries per measurement) and disk.").withDefault(false);

    public static final KeySpec BUSY_THRESHOLD = KeySpec.of("busy-threshold", new Percentage(), "The noise guard: the "
            + "report warns that the machine was busy when another process took more than this share of one core in a "
            + "2-second window while the configuration's load ran (e.g. 20%: a fifth of a core taken from a 2-core "
            + "machine's benchmark moves its latency by more than a comparison's 5% margin).").withDefault("20%");

    public static final KeySpec HEAP = KeySpec.of("heap", Text.matching("^[1-9][0-9]*[kKmMgG]?$"),
            "Maximum heap as -Xmx takes it; default 4g.").withExamples("2g", "512m");
    public static final KeySpec ARGS = KeySpec.of("args", new ListOf(Text.matching("^-"), 0),
            "JVM flags, each starting with '-' (not -cp, -classpath, --class-path, -jar or -Xmx: use heap).");
    public static final KeySpec ENVIRONMENT = KeySpec.of("environment",
            new MapOf(Text.matching("^[A-Za-z_][A-Za-z0-9_]*$"), Text.ANY),
            "Variables set in the child's environment; the result records their names, not their values.");
    public static final SectionSpec JVM_SECTION = new SectionSpec(null, "The child JVM each fork of this configuration "
            + "runs in (forked runs only): maximum heap, extra JVM flags and environment variables, applied after the "
            + "harness's defaults and the backend's own, so they win. The class path stays the harness's (the core plus "
            + "this configuration's adapter).", List.of(HEAP, ARGS, ENVIRONMENT));
    public static final KeySpec JVM = KeySpec.section("jvm", JVM_SECTION);

    public static final SectionSpec SECTION = new SectionSpec("run", "When the measurement starts, and when it has "
            + "enough: it lasts at least min-duration AND completes at least min-queries, stopping at max-duration.",
            List.of(WARMUP, MIN_DURATION, MIN_QUERIES, MAX_DURATION, FORKS, TIMEOUT, STABILITY, EARLY_STOPPING, TRACE,
            BUSY_THRESHOLD, JVM));

    private RunKeys() {
    }
}
