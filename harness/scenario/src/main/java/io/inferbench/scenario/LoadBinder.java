package io.inferbench.scenario;

import io.inferbench.load.Batching;
import io.inferbench.load.LoadProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code load:} and {@code optimization.batching}. Each profile accepts only its own keys,
 * so an open-loop key on a closed-loop profile (or the reverse) is an error that says which profile
 * the key belongs to. Lists of concurrencies or rates are steps, expanded into configurations
 * before binding ({@link StepExpander}).
 */
final class LoadBinder {
    static final List<String> PROFILES = List.of("single-stream", "concurrency", "multi-stream", "offline", "rate",
            "peak-search");
    /** Which profile each key belongs to; a key may serve several. */
    static final Map<String, List<String>> KEY_PROFILES = keyProfiles();
    static final List<String> KEYS = List.copyOf(KEY_PROFILES.keySet());
    static final List<String> BATCHING_KEYS = List.of("max-batch-size", "max-queue-delay", "instances");
    static final int DEFAULT_MAX_IN_FLIGHT = 1000;
    static final Duration DEFAULT_LATE_THRESHOLD = Duration.ofMillis(1);
    /** A generator thread cannot issue faster than this; higher targets are impossible, not ambitious. */
    static final double MAX_RATE = 1_000_000;

    private LoadBinder() {
    }

    private static Map<String, List<String>> keyProfiles() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("profile", PROFILES);
        m.put("concurrency", List.of("concurrency"));
        m.put("samples-per-query", List.of("multi-stream"));
        m.put("workers", List.of("offline", "rate", "peak-search"));
        m.put("rate", List.of("rate"));
        m.put("ramp-to", List.of("rate"));
        m.put("arrival", List.of("rate", "peak-search"));
        m.put("seed", List.of("rate", "peak-search"));
        m.put("max-in-flight", List.of("rate", "peak-search"));
        m.put("late-threshold", List.of("rate", "peak-search"));
        m.put("search", List.of("peak-search"));
        m.put("percentile", List.of("peak-search"));
        m.put("slo", List.of("peak-search"));
        m.put("start", List.of("peak-search"));
        m.put("max", List.of("peak-search"));
        m.put("precision", List.of("peak-search"));
        m.put("max-probes", List.of("peak-search"));
        return m;
    }

    static LoadProfile bind(YamlMap m) {
        if (m == null) {
            return new LoadProfile.SingleStream();
        }
        String profile = m.choice("profile", PROFILES, "single-stream");
        if (profile == null) {
            return null;
        }
        int before = m.problems().size();
        for (String key : m.keys()) {
            List<String> owners = KEY_PROFILES.get(key);
            if (!owners.contains(profile)) {
                boolean open = owners.contains("rate") && !owners.contains("concurrency");
                boolean closedProfile = List.of("single-stream", "concurrency", "multi-stream", "offline").contains(profile);
                String mix = open && closedProfile ? " Open-loop (rate) and closed-loop settings cannot be mixed." : "";
                m.problem(key, key + " applies to profile: " + String.join(" or ", owners) + ", not " + profile + "."
                        + mix);
            }
        }
        if (m.problems().size() > before) {
            return null;
        }
        try {
            return switch (profile) {
                case "single-stream" -> new LoadProfile.SingleStream();
                case "concurrency" -> concurrency(m);
                case "multi-stream" -> orNull(positive(m, "samples-per-query", null, 1024), LoadProfile.MultiStream::new);
                case "offline" -> orNull(positive(m, "workers", 1, 4096), LoadProfile.Offline::new);
                case "rate" -> rate(m, true);
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
        if (!m.has("concurrency")) {
            return m.problem("profile: concurrency needs concurrency: N (closed-loop clients, >= 1), or a list of "
                    + "steps such as [1, 2, 4, 8]");
        }
        Integer n = positive(m, "concurrency", null, 4096);
        return n == null ? null : new LoadProfile.Concurrency(n);
    }

    private static Integer positive(YamlMap m, String key, Integer fallback, int max) {
        if (!m.has(key) && fallback == null) {
            return m.problem("missing " + key + " (an integer >= 1)");
        }
        Integer v = m.smallInteger(key, 1, fallback);
        if (v != null && v > max) {
            return m.problem(key, "expected an integer between 1 and " + max + ", got " + v);
        }
        return v;
    }

    private static LoadProfile.Rate rate(YamlMap m, boolean rateRequired) {
        Double qps = 1.0;
        if (rateRequired) {
            if (!m.has("rate")) {
                return m.problem("profile: rate needs rate: queries per second (> 0), or a list of steps");
            }
            qps = positiveRate(m, "rate");
        }
        Double rampTo = m.has("ramp-to") ? positiveRate(m, "ramp-to") : Double.valueOf(Double.NaN);
        String arrival = m.choice("arrival", List.of("poisson", "constant"), "poisson");
        Long seed = m.integer("seed", Long.MIN_VALUE, 1L);
        Integer workers = positive(m, "workers", 1, 4096);
        Integer cap = positive(m, "max-in-flight", DEFAULT_MAX_IN_FLIGHT, 1_000_000);
        Duration late = m.duration("late-threshold", DEFAULT_LATE_THRESHOLD);
        if (qps == null || rampTo == null || arrival == null || seed == null || workers == null || cap == null
                || late == null) {
            return null;
        }
        if (!rampTo.isNaN() && rampTo.equals(qps)) {
            return m.problem("ramp-to", "ramp-to equals rate: leave it out for a constant rate");
        }
        if (cap < workers) {
            return m.problem("max-in-flight", "max-in-flight (" + cap + ") must be at least workers (" + workers + ")");
        }
        return new LoadProfile.Rate(qps, rampTo, LoadProfile.Arrival.valueOf(arrival.toUpperCase(java.util.Locale.ROOT)),
                seed, workers, cap, late);
    }

    private static Double positiveRate(YamlMap m, String key) {
        Double v = m.number(key, Double.MIN_VALUE, null);
        if (v != null && v > MAX_RATE) {
            return m.problem(key, "a rate above " + (long) MAX_RATE + " queries/s cannot be generated; got " + v);
        }
        return v;
    }

    private static LoadProfile peakSearch(YamlMap m) {
        String searched = m.choice("search", List.of("rate", "concurrency"), "rate");
        boolean hasSlo = m.has("slo");
        boolean hasPct = m.has("percentile");
        if (hasSlo != hasPct) {
            return m.problem(hasSlo ? "slo needs percentile: the latency percentile held to it (e.g. 99)"
                    : "percentile needs slo: the latency objective (e.g. 50ms)");
        }
        if (!hasSlo) {
            return m.problem("profile: peak-search needs slo: (e.g. 50ms) and percentile: (e.g. 99)");
        }
        Double pct = m.number("percentile", Double.MIN_VALUE, null);
        if (pct != null && pct >= 100) {
            return m.problem("percentile", "expected a percentile above 0 and below 100, got " + pct);
        }
        Duration slo = m.duration("slo", null);
        if (slo != null && slo.isZero()) {
            return m.problem("slo", "the SLO must be longer than 0");
        }
        boolean rate = "rate".equals(searched);
        Double start = m.number("start", Double.MIN_VALUE, rate ? 10.0 : 1.0);
        Double max = m.number("max", Double.MIN_VALUE, rate ? 10_000.0 : 64.0);
        Double precision = m.number("precision", Double.MIN_VALUE, 0.05);
        Integer probes = positive(m, "max-probes", 16, 1000);
        LoadProfile.Rate template = rate ? rate(m, false) : null;
        if (searched == null || pct == null || slo == null || start == null || max == null || precision == null
                || probes == null || rate && template == null) {
            return null;
        }
        if (max < start) {
            return m.problem("max", "max (" + max + ") must not be below start (" + start + ")");
        }
        if (precision >= 1) {
            return m.problem("precision", "expected a fraction between 0 and 1 (e.g. 0.05 for 5%), got " + precision);
        }
        if (rate && max > MAX_RATE) {
            return m.problem("max", "a rate above " + (long) MAX_RATE + " queries/s cannot be generated; got " + max);
        }
        return new LoadProfile.PeakSearch(rate ? LoadProfile.Searched.RATE : LoadProfile.Searched.CONCURRENCY, pct,
                slo, start, max, precision, probes, template);
    }

    /** {@code optimization: { batching: {...} }}; null when absent. */
    static Batching batching(YamlMap optimization) {
        if (optimization == null) {
            return null;
        }
        YamlMap b = optimization.map("batching", BATCHING_KEYS);
        if (b == null) {
            return null;
        }
        Integer size = b.smallInteger("max-batch-size", 1, null);
        if (!b.has("max-batch-size")) {
            return b.problem("batching needs max-batch-size: the largest batch (>= 1)");
        }
        Duration delay = b.duration("max-queue-delay", Duration.ofMillis(1));
        Integer instances = b.smallInteger("instances", 1, 1);
        if (size == null || delay == null || instances == null) {
            return null;
        }
        if (size > 1024) {
            return b.problem("max-batch-size", "expected at most 1024, got " + size);
        }
        return new Batching(size, delay, instances);
    }
}
