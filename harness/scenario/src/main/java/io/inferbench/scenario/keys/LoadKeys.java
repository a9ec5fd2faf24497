package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Decimal;
import io.inferbench.scenario.keys.ValueType.Duration;
import io.inferbench.scenario.keys.ValueType.Steps;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code load:}: the profile and its keys. Each profile accepts only its own keys
 * ({@link #PROFILE_KEYS}), so open-loop (rate) and closed-loop settings cannot be mixed.
 */
public final class LoadKeys {
    public static final String SINGLE_STREAM = "single-stream";
    public static final String CONCURRENCY_PROFILE = "concurrency";
    public static final String MULTI_STREAM = "multi-stream";
    public static final String OFFLINE = "offline";
    public static final String RATE_PROFILE = "rate";
    public static final String PEAK_SEARCH = "peak-search";
    public static final List<String> PROFILES = List.of(SINGLE_STREAM, CONCURRENCY_PROFILE, MULTI_STREAM, OFFLINE,
            RATE_PROFILE, PEAK_SEARCH);
    /** A generator thread cannot issue faster than this; higher targets are impossible, not ambitious. */
    public static final double MAX_RATE = 1_000_000;

    public static final KeySpec PROFILE = KeySpec.of("profile", new Choice(PROFILES), "single-stream: one query at a "
            + "time (MLPerf SingleStream); concurrency: closed loop with N clients; multi-stream: N samples per query run "
            + "in parallel, latency of the slowest; offline: all queries available at once, samples/s; rate: open loop "
            + "at a target rate (latency from each query's scheduled time); peak-search: the highest rate or concurrency "
            + "whose percentile latency meets an SLO.").withDefault(SINGLE_STREAM);
    public static final KeySpec CONCURRENCY = KeySpec.of("concurrency", new Steps(new Whole(1, 4096)), "concurrency: "
            + "closed-loop clients (1..4096); a list is steps, one configuration each, e.g. [1, 2, 4, 8].");
    public static final KeySpec SAMPLES_PER_QUERY = KeySpec.of("samples-per-query", new Whole(1, 1024),
            "multi-stream: samples per query, run in parallel on as many workers.");
    public static final KeySpec WORKERS = KeySpec.of("workers", new Whole(1, 4096),
            "offline, rate, peak-search: inference workers (model instances) serving the queue.").withDefault(1L);
    public static final KeySpec RATE = KeySpec.of("rate", new Steps(new Decimal(0, true, MAX_RATE, false)), "rate: "
            + "target queries per second (> 0, at most 1,000,000); a list is steps, one configuration each.");
    public static final KeySpec RAMP_TO = KeySpec.of("ramp-to", new Decimal(0, true, MAX_RATE, false),
            "rate: ramp linearly from rate to this over the measurement's min-duration.");
    public static final KeySpec ARRIVAL = KeySpec.of("arrival", new Choice(List.of("poisson", "constant")),
            "rate, peak-search: poisson (exponential gaps, seeded) or constant spacing.").withDefault("poisson");
    public static final KeySpec SEED = KeySpec.of("seed", Whole.ANY,
            "rate, peak-search: seed of the Poisson schedule (same seed, same schedule).").withDefault(1L);
    public static final KeySpec MAX_IN_FLIGHT = KeySpec.of("max-in-flight", new Whole(1, 1_000_000), "rate, "
            + "peak-search: cap on queued plus running queries; hitting it marks the run overloaded and stops it.")
            .withDefault(1000L);
    public static final KeySpec LATE_THRESHOLD = KeySpec.of("late-threshold", new Duration(Duration.HOUR), "rate, peak-search: "
            + "a query handed off later than this after its scheduled time counts as late.").withDefault("1ms");
    public static final KeySpec SEARCH = KeySpec.of("search", new Choice(List.of("rate", "concurrency")),
            "peak-search: what to vary, rate (queries/s) or concurrency (clients).").withDefault("rate");
    public static final KeySpec PERCENTILE = KeySpec.of("percentile", new Decimal(0, true, 100, true),
            "peak-search: the latency percentile held to the SLO (required with slo), e.g. 99.");
    public static final KeySpec SLO = KeySpec.of("slo", new Duration(Duration.HOUR),
            "peak-search: the latency objective (required with percentile), e.g. 50ms.");
    public static final KeySpec START = KeySpec.of("start", Decimal.above(0),
            "peak-search: first load tried (default 10 q/s, or 1 client).");
    public static final KeySpec MAX = KeySpec.of("max", Decimal.above(0),
            "peak-search: highest load tried (default 10000 q/s, or 64 clients).");
    public static final KeySpec PRECISION = KeySpec.of("precision", new Decimal(0, true, 1, true),
            "peak-search: stop when the bracket (bad - good) / good is below this.").withDefault(0.05);
    public static final KeySpec MAX_PROBES = KeySpec.of("max-probes", new Whole(1, 1000),
            "peak-search: cap on the number of probes.").withDefault(16L);

    /** Which profiles each key belongs to (a key may serve several), and the keys each profile needs. */
    public static final SectionRule.KeysPerChoice PROFILE_KEYS = new SectionRule.KeysPerChoice(PROFILE.name(),
            SINGLE_STREAM, owners(), Map.of(
                    CONCURRENCY_PROFILE, List.of(CONCURRENCY.name()),
                    MULTI_STREAM, List.of(SAMPLES_PER_QUERY.name()),
                    RATE_PROFILE, List.of(RATE.name()),
                    PEAK_SEARCH, List.of(SLO.name(), PERCENTILE.name())));

    public static final SectionSpec SECTION = new SectionSpec("load", "How queries are issued. Each profile accepts "
            + "only its own keys; open-loop (rate) and closed-loop settings cannot be mixed.",
            List.of(PROFILE, CONCURRENCY, SAMPLES_PER_QUERY, WORKERS, RATE, RAMP_TO, ARRIVAL, SEED, MAX_IN_FLIGHT,
                    LATE_THRESHOLD, SEARCH, PERCENTILE, SLO, START, MAX, PRECISION, MAX_PROBES),
            List.of(PROFILE_KEYS));

    private LoadKeys() {
    }

    private static Map<String, List<String>> owners() {
        List<String> openLoop = List.of(RATE_PROFILE, PEAK_SEARCH);
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(PROFILE.name(), PROFILES);
        m.put(CONCURRENCY.name(), List.of(CONCURRENCY_PROFILE));
        m.put(SAMPLES_PER_QUERY.name(), List.of(MULTI_STREAM));
        m.put(WORKERS.name(), List.of(OFFLINE, RATE_PROFILE, PEAK_SEARCH));
        m.put(RATE.name(), List.of(RATE_PROFILE));
        m.put(RAMP_TO.name(), List.of(RATE_PROFILE));
        for (KeySpec k : List.of(ARRIVAL, SEED, MAX_IN_FLIGHT, LATE_THRESHOLD)) {
            m.put(k.name(), openLoop);
        }
        for (KeySpec k : List.of(SEARCH, PERCENTILE, SLO, START, MAX, PRECISION, MAX_PROBES)) {
            m.put(k.name(), List.of(PEAK_SEARCH));
        }
        return m;
    }
}
