package io.inferbench.scenario;

import io.inferbench.load.Batching;
import io.inferbench.load.LoadProfile;
import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.LoadKeys;
import io.inferbench.scenario.keys.OptimizationKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code load:} and {@code optimization.batching}. Each profile accepts only its own keys
 * ({@link LoadKeys#PROFILE_KEYS}), so an open-loop key on a closed-loop profile (or the reverse) is
 * an error that says which profile the key belongs to. Lists of concurrencies or rates are steps,
 * expanded into configurations before binding ({@link StepExpander}).
 */
final class LoadBinder {
    /** Which profile each key belongs to; a key may serve several. */
    static final Map<String, List<String>> KEY_PROFILES = LoadKeys.PROFILE_KEYS.owners();
    private static final List<String> CLOSED_PROFILES = List.of(LoadKeys.SINGLE_STREAM, LoadKeys.CONCURRENCY_PROFILE,
            LoadKeys.MULTI_STREAM, LoadKeys.OFFLINE);

    private LoadBinder() {
    }

    static LoadProfile bind(YamlMap m) {
        if (m == null) {
            return new LoadProfile.SingleStream();
        }
        String profile = m.choice(LoadKeys.PROFILE);
        if (profile == null) {
            return null;
        }
        int before = m.problems().size();
        for (String key : m.keys()) {
            List<String> owners = KEY_PROFILES.get(key);
            if (!owners.contains(profile)) {
                boolean open = owners.contains(LoadKeys.RATE_PROFILE) && !owners.contains(LoadKeys.CONCURRENCY_PROFILE);
                String mix = open && CLOSED_PROFILES.contains(profile)
                        ? " Open-loop (rate) and closed-loop settings cannot be mixed." : "";
                m.problem(key, key + " applies to profile: " + String.join(" or ", owners) + ", not " + profile + "."
                        + mix);
            }
        }
        if (m.problems().size() > before) {
            return null;
        }
        try {
            return switch (profile) {
                case LoadKeys.SINGLE_STREAM -> new LoadProfile.SingleStream();
                case LoadKeys.CONCURRENCY_PROFILE -> concurrency(m);
                case LoadKeys.MULTI_STREAM -> orNull(positive(m, LoadKeys.SAMPLES_PER_QUERY), LoadProfile.MultiStream::new);
                case LoadKeys.OFFLINE -> orNull(positive(m, LoadKeys.WORKERS), LoadProfile.Offline::new);
                case LoadKeys.RATE_PROFILE -> rate(m, true);
                default -> peakSearch(m);
            };
        } catch (IllegalArgumentException e) {
            return m.problem(e.getMessage());
        }
    }

    private static LoadProfile orNull(Integer n, java.util.function.IntFunction<LoadProfile> make) {
        return n == null ? null : make.apply(n);
    }

    private static LoadProfile concurrency(YamlMap m) {
        if (!m.has(LoadKeys.CONCURRENCY.name())) {
            return m.problem("profile: concurrency needs concurrency: N (closed-loop clients, >= 1), or a list of "
                    + "steps such as [1, 2, 4, 8]");
        }
        Integer n = positive(m, LoadKeys.CONCURRENCY);
        return n == null ? null : new LoadProfile.Concurrency(n);
    }

    /** An integer from 1 to the key's maximum; its default when absent, and a problem when it has none. */
    private static Integer positive(YamlMap m, KeySpec key) {
        if (!m.has(key.name()) && key.defaultValue() == null) {
            return m.problem("missing " + key.name() + " (an integer >= 1)");
        }
        return m.smallInteger(key);
    }

    private static LoadProfile.Rate rate(YamlMap m, boolean rateRequired) {
        Double qps = 1.0;
        if (rateRequired) {
            if (!m.has(LoadKeys.RATE.name())) {
                return m.problem("profile: rate needs rate: queries per second (> 0), or a list of steps");
            }
            qps = positiveRate(m, LoadKeys.RATE);
        }
        Double rampTo = m.has(LoadKeys.RAMP_TO.name()) ? positiveRate(m, LoadKeys.RAMP_TO) : Double.valueOf(Double.NaN);
        String arrival = m.choice(LoadKeys.ARRIVAL);
        Long seed = m.integer(LoadKeys.SEED);
        Integer workers = positive(m, LoadKeys.WORKERS);
        Integer cap = positive(m, LoadKeys.MAX_IN_FLIGHT);
        Duration late = m.duration(LoadKeys.LATE_THRESHOLD);
        if (qps == null || rampTo == null || arrival == null || seed == null || workers == null || cap == null
                || late == null) {
            return null;
        }
        if (!rampTo.isNaN() && rampTo.equals(qps)) {
            return m.problem(LoadKeys.RAMP_TO.name(), "ramp-to equals rate: leave it out for a constant rate");
        }
        if (cap < workers) {
            return m.problem(LoadKeys.MAX_IN_FLIGHT.name(), "max-in-flight (" + cap + ") must be at least workers ("
                    + workers + ")");
        }
        return new LoadProfile.Rate(qps, rampTo, LoadProfile.Arrival.valueOf(arrival.toUpperCase(java.util.Locale.ROOT)),
                seed, workers, cap, late);
    }

    private static Double positiveRate(YamlMap m, KeySpec key) {
        Double v = m.number(key);
        if (v != null && v > LoadKeys.MAX_RATE) {
            return m.problem(key.name(), "a rate above " + (long) LoadKeys.MAX_RATE + " queries/s cannot be generated; "
                    + "got " + v);
        }
        return v;
    }

    private static LoadProfile peakSearch(YamlMap m) {
        String searched = m.choice(LoadKeys.SEARCH);
        boolean hasSlo = m.has(LoadKeys.SLO.name());
        boolean hasPct = m.has(LoadKeys.PERCENTILE.name());
        if (hasSlo != hasPct) {
            return m.problem(hasSlo ? "slo needs percentile: the latency percentile held to it (e.g. 99)"
                    : "percentile needs slo: the latency objective (e.g. 50ms)");
        }
        if (!hasSlo) {
            return m.problem("profile: peak-search needs slo: (e.g. 50ms) and percentile: (e.g. 99)");
        }
        Double pct = m.number(LoadKeys.PERCENTILE);
        if (pct != null && pct >= 100) {
            return m.problem(LoadKeys.PERCENTILE.name(), "expected a percentile above 0 and below 100, got " + pct);
        }
        Duration slo = m.duration(LoadKeys.SLO);
        if (slo != null && slo.isZero()) {
            return m.problem(LoadKeys.SLO.name(), "the SLO must be longer than 0");
        }
        boolean rate = LoadKeys.RATE_PROFILE.equals(searched);
        // Where the search starts and ends depends on what it varies (queries/s or clients).
        Double start = m.number(LoadKeys.START.name(), YamlMap.decimal(LoadKeys.START).lowest(), rate ? 10.0 : 1.0);
        Double max = m.number(LoadKeys.MAX.name(), YamlMap.decimal(LoadKeys.MAX).lowest(), rate ? 10_000.0 : 64.0);
        Double precision = m.number(LoadKeys.PRECISION);
        Integer probes = positive(m, LoadKeys.MAX_PROBES);
        LoadProfile.Rate template = rate ? rate(m, false) : null;
        if (searched == null || pct == null || slo == null || start == null || max == null || precision == null
                || probes == null || rate && template == null) {
            return null;
        }
        if (max < start) {
            return m.problem(LoadKeys.MAX.name(), "max (" + max + ") must not be below start (" + start + ")");
        }
        if (precision >= 1) {
            return m.problem(LoadKeys.PRECISION.name(), "expected a fraction between 0 and 1 (e.g. 0.05 for 5%), got "
                    + precision);
        }
        if (rate && max > LoadKeys.MAX_RATE) {
            return m.problem(LoadKeys.MAX.name(), "a rate above " + (long) LoadKeys.MAX_RATE + " queries/s cannot be "
                    + "generated; got " + max);
        }
        return new LoadProfile.PeakSearch(rate ? LoadProfile.Searched.RATE : LoadProfile.Searched.CONCURRENCY, pct,
                slo, start, max, precision, probes, template);
    }

    /** {@code optimization: { batching: {...} }}; null when absent. */
    static Batching batching(YamlMap optimization) {
        if (optimization == null) {
            return null;
        }
        YamlMap b = optimization.map(OptimizationKeys.BATCHING);
        if (b == null) {
            return null;
        }
        Integer size = b.smallInteger(OptimizationKeys.MAX_BATCH_SIZE);
        if (!b.has(OptimizationKeys.MAX_BATCH_SIZE.name())) {
            return b.problem("batching needs max-batch-size: the largest batch (>= 1)");
        }
        Duration delay = b.duration(OptimizationKeys.MAX_QUEUE_DELAY);
        Integer instances = b.smallInteger(OptimizationKeys.INSTANCES);
        if (size == null || delay == null || instances == null) {
            return null;
        }
        long maxSize = YamlMap.whole(OptimizationKeys.MAX_BATCH_SIZE).max();
        if (size > maxSize) {
            return b.problem(OptimizationKeys.MAX_BATCH_SIZE.name(), "expected at most " + maxSize + ", got " + size);
        }
        return new Batching(size, delay, instances);
    }
}
