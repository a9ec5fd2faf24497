package io.inferbench.scenario;

import io.inferbench.load.Warmup;
import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.RunKeys;
import io.inferbench.scenario.keys.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Binds {@code run:}: the warmup, when the measurement has enough, forks, timeout, stability and the child JVM. */
final class RunBinder {
    static final Warmup DEFAULT_WARMUP = new Warmup.Time(Durations.parse(RunKeys.WARMUP.defaultText()).orElseThrow());
    static final Duration DEFAULT_MIN_DURATION = Durations.parse(RunKeys.MIN_DURATION.defaultText()).orElseThrow();
    static final long DEFAULT_MIN_QUERIES = RunKeys.MIN_QUERIES.defaultLong();
    static final Duration DEFAULT_MAX_DURATION = Durations.parse(RunKeys.MAX_DURATION.defaultText()).orElseThrow();
    /** Flags the harness owns: the class path (one adapter per child) and the main class's arguments. */
    private static final List<String> HARNESS_FLAGS = List.of("-cp", "-classpath", "--class-path", "-jar");

    private final Problems problems;

    RunBinder(Problems problems) {
        this.problems = problems;
    }

    /** The run settings (the defaults when {@code m} is null), or null after recording a problem. */
    RunSpec run(YamlMap m) {
        if (m == null) {
            return new RunSpec(DEFAULT_WARMUP, DEFAULT_MIN_DURATION, DEFAULT_MIN_QUERIES, DEFAULT_MAX_DURATION);
        }
        Warmup warmup = warmup(m);
        Duration minDuration = m.duration(RunKeys.MIN_DURATION);
        Long minQueries = m.integer(RunKeys.MIN_QUERIES);
        Duration maxDuration = m.duration(RunKeys.MAX_DURATION);
        Integer forks = m.smallInteger(RunKeys.FORKS);
        StabilitySpec stability = stability(m.map(RunKeys.STABILITY));
        if (warmup == null || minDuration == null || minQueries == null || maxDuration == null || forks == null
                || m.has(RunKeys.STABILITY.name()) && stability == null) {
            return null;
        }
        if (maxDuration.compareTo(minDuration) < 0) {
            return m.problem(RunKeys.MAX_DURATION.name(), "max-duration (" + Durations.format(maxDuration)
                    + ") must not be shorter than min-duration (" + Durations.format(minDuration) + ")");
        }
        Duration timeout = m.duration(RunKeys.TIMEOUT, RunSpec.defaultTimeout(maxDuration, forks));
        Boolean earlyStopping = m.flag(RunKeys.EARLY_STOPPING);
        JvmSpec jvm = jvm(m.map(RunKeys.JVM));
        Boolean trace = m.flag(RunKeys.TRACE);
        Double busy = m.percentage(RunKeys.BUSY_THRESHOLD, RunSpec.DEFAULT_BUSY_THRESHOLD);
        if (timeout == null || earlyStopping == null || jvm == null || trace == null || busy == null) {
            return null;
        }
        if (timeout.compareTo(minDuration) < 0) {
            return m.problem(RunKeys.TIMEOUT.name(), "timeout (" + Durations.format(timeout) + ") is shorter than "
                    + "min-duration (" + Durations.format(minDuration) + "): no configuration could finish");
        }
        return new RunSpec(warmup, minDuration, minQueries, maxDuration, forks, timeout, stability, earlyStopping,
                jvm, trace, busy);
    }

    /** {@code run.jvm}: the child JVM's heap, flags and environment; null after recording a problem. */
    private JvmSpec jvm(YamlMap m) {
        if (m == null) {
            return JvmSpec.DEFAULT;
        }
        String heap = m.string(RunKeys.HEAP);
        if (heap != null && !((ValueType.Text) RunKeys.HEAP.type()).accepts(heap)) {
            return m.problem(RunKeys.HEAP.name(), "expected a heap size as -Xmx takes it, e.g. 2g or 512m, got '"
                    + heap + "'");
        }
        if (heap != null && !HeapSizes.inRange(heap)) {
            return m.problem(RunKeys.HEAP.name(), "expected " + HeapSizes.expected() + ", got '" + heap + "'");
        }
        List<String> args = args(m);
        if (args == null) {
            return null;
        }
        Map<String, String> env = environment(m);
        return env == null ? null : new JvmSpec(heap, args, env);
    }

    /** {@code run.jvm.args}: JVM flags, none of them the harness's own; null after recording a problem. */
    private List<String> args(YamlMap m) {
        String key = RunKeys.ARGS.name();
        List<String> args = new ArrayList<>();
        List<Node> raw = m.list(key);
        if (raw == null && m.has(key)) {
            return null;
        }
        for (int i = 0; raw != null && i < raw.size(); i++) {
            String path = m.child(key) + "[" + i + "]";
            if (!(raw.get(i) instanceof ScalarNode sn)) {
                return problems.at(raw.get(i), path, "expected a JVM flag such as -XX:+UseParallelGC, got "
                        + YamlMap.describe(raw.get(i)));
            }
            String flag = sn.getValue();
            if (!flag.startsWith("-")) {
                return problems.at(sn, path, "expected a JVM flag starting with '-', got '" + flag + "'");
            }
            if (HARNESS_FLAGS.contains(flag) || flag.startsWith("-Xmx")) {
                return problems.at(sn, path, "'" + flag + "' is the harness's to set"
                        + (flag.startsWith("-Xmx") ? "; use run.jvm.heap" : ": each child JVM's class path holds the core "
                        + "and its configuration's adapter"));
            }
            args.add(flag);
        }
        return args;
    }

    /** {@code run.jvm.environment}: variable names to text values; null after recording a problem. */
    private Map<String, String> environment(YamlMap m) {
        String key = RunKeys.ENVIRONMENT.name();
        ValueType.Text names = ((ValueType.MapOf) RunKeys.ENVIRONMENT.type()).keys();
        Map<String, String> env = new LinkedHashMap<>();
        Node envNode = m.raw(key);
        if (envNode == null) {
            return env;
        }
        if (!(envNode instanceof MappingNode mn)) {
            return problems.at(envNode, m.child(key), "expected a map of variable names to values, got "
                    + YamlMap.describe(envNode));
        }
        for (var e : YamlMap.entries(mn, m.child(key), problems)) {
            String path = m.child(key) + "." + e.getKey();
            if (!names.accepts(e.getKey())) {
                return problems.at(e.getValue(), path, "expected a variable name (letters, digits, _), got '"
                        + e.getKey() + "'");
            }
            if (!(e.getValue() instanceof ScalarNode v)) {
                return problems.at(e.getValue(), path, "expected a text value, got " + YamlMap.describe(e.getValue()));
            }
            env.put(e.getKey(), v.getValue());
        }
        return env;
    }

    private StabilitySpec stability(YamlMap m) {
        if (m == null) {
            return null;
        }
        Integer windows = m.smallInteger(RunKeys.WINDOWS);
        String fallback = RunKeys.TOLERANCE.defaultText();
        Double tolerance = m.percentage(RunKeys.TOLERANCE,
                Double.parseDouble(fallback.substring(0, fallback.length() - 1)));
        KeySpec percentile = RunKeys.STABILITY_PERCENTILE;
        Double pct = m.number(percentile.name(), 0, percentile.defaultDouble());
        Boolean untilStable = m.flag(RunKeys.WARMUP_UNTIL_STABLE);
        List<Long> compared = ((ValueType.NumberChoice) percentile.type()).values();
        if (pct != null && compared.stream().noneMatch(p -> p.doubleValue() == pct)) {
            return m.problem(percentile.name(), "stability compares p50, p90 or p99 per window; expected 50, 90 or 99, "
                    + "got " + pct);
        }
        if (windows == null || tolerance == null || pct == null || untilStable == null) {
            return null;
        }
        return new StabilitySpec(windows, tolerance, pct, untilStable);
    }

    private Warmup warmup(YamlMap m) {
        String key = RunKeys.WARMUP.name();
        Node n = m.raw(key);
        if (n == null) {
            return DEFAULT_WARMUP;
        }
        if (n instanceof ScalarNode s) {
            // Shorthand: "warmup: 20" is a query count, "warmup: 5s" a duration.
            if (s.getValue().matches("\\d+")) {
                Long q = m.integer(key, YamlMap.whole(RunKeys.WARMUP_QUERIES), null);
                return q == null ? null : new Warmup.Queries(q);
            }
            Duration d = m.duration(key, (ValueType.Duration) RunKeys.WARMUP_DURATION.type(), null);
            return d == null ? null : new Warmup.Time(d);
        }
        YamlMap w = m.map(key, ((ValueType.Warmup) RunKeys.WARMUP.type()).keyNames());
        if (w == null) {
            return null;
        }
        String queries = RunKeys.WARMUP_QUERIES.name();
        if (w.has(queries) == w.has(RunKeys.WARMUP_DURATION.name())
                && w.keys().size() == ((MappingNode) w.node()).getValue().size()) {
            return w.problem("give exactly one of queries: N or duration: 5s");
        }
        if (w.has(queries)) {
            Long q = w.integer(RunKeys.WARMUP_QUERIES);
            return q == null ? null : new Warmup.Queries(q);
        }
        Duration d = w.duration(RunKeys.WARMUP_DURATION);
        return d == null ? null : new Warmup.Time(d);
    }
}
