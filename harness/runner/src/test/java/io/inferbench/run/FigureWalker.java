package io.inferbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Walks a result's JSON tree and lists every numeric figure that has neither an interval nor a
 * stated reason for having none.
 *
 * <p>A numeric leaf passes when it is
 * <ul>
 *   <li>inside an interval ({@code low}, {@code high}, {@code bounded});</li>
 *   <li>the {@code value} of an estimate ({@code value}, {@code n}, and a {@code ci95} or a
 *       {@code noInterval} saying why not);</li>
 *   <li>a figure {@link #COVERED} by an interval or estimate elsewhere (a sibling, or a path from the
 *       configuration), which must exist and carry an interval or a reason; or</li>
 *   <li>{@link #NOT_FIGURES not a figure}, for the reason given: a sample size, a setting, a raw
 *       observation, a fact of the machine, or a figure the docs list as not having an interval yet.</li>
 * </ul>
 * Anything else — a new field holding a bare number — is reported. Paths are matched on their end,
 * array indices left out ({@code phases.forks.latency.meanMs} ends with {@code latency.meanMs}). NaN
 * (written {@code "NaN"}) is no figure: nothing was measured.
 */
final class FigureWalker {
    /** A figure and where its interval is: a sibling field, or {@code config:} a path from the configuration. */
    static final Map<String, String> COVERED = Map.ofEntries(
            Map.entry("latency.meanMs", "meanCi95Ms"),
            Map.entry("percentiles.valueMs", "ci95Ms"),
            Map.entry("throughputQps", "throughputCi95Qps"),
            Map.entry("probes.throughputQps", "measurement.throughputCi95Qps"),
            Map.entry("probes.latencyMs", "measurement.latency.percentiles"),
            Map.entry("samplesPerSecond", "samplesPerSecondCi95"),
            Map.entry("peak.peak", "bracket"),
            Map.entry("variation.meanAcrossForksMs", "ci95AcrossForksMs"),
            Map.entry("resources.loadTimeMs", "config:resources.estimates.modelLoadMs"),
            Map.entry("coldStart.modelLoadMs", "config:resources.estimates.modelLoadMs"),
            Map.entry("coldStart.firstInferenceMs", "config:resources.estimates.firstInferenceMs"),
            Map.entry("coldStart.timeToSteadyStateMs", "config:resources.estimates.timeToSteadyStateMs"),
            Map.entry("utilization.meanProcessCpuPercentOfOneCore", "config:resources.estimates.cpuPercentOfOneCore"),
            Map.entry("utilization.meanProcessCpuPercentOfMachine", "config:resources.estimates.cpuPercentOfMachine"),
            Map.entry("utilization.peakRssBytes", "config:resources.estimates.peakRssBytes"));

    /** Numbers that are not figures to bound, by path end, each with the reason. */
    static final Map<String, String> NOT_FIGURES = Map.ofEntries(
            // Sample sizes: what an interval's n is.
            Map.entry("queries", "a sample size"), Map.entry("samples", "a sample size"),
            Map.entry("errors", "a count of failures, exact"), Map.entry("latency.count", "a sample size"),
            Map.entry("estimates.runs", "a sample size"), Map.entry("variation.forks", "a sample size"),
            // Settings and what was declared.
            Map.entry("percentile", "a setting"), Map.entry("peak.sloMs", "a setting"),
            Map.entry("probes.load", "a setting: the load tried"), Map.entry("utilization.intervalSeconds", "a setting"),
            Map.entry("durationMs", "the measured phase's length, chosen by the run settings"),
            Map.entry("utilization.durationSeconds", "the sampling window's length"),
            Map.entry("utilization.cores", "a fact of the machine"),
            Map.entry("coldStart.modelFileBytes", "a fact of the model file"),
            Map.entry("byLength.fromTokens", "a bucket edge: where the latency by input length was split"),
            Map.entry("byLength.toTokens", "a bucket edge: where the latency by input length was split"),
            // Extremes and totals of one window: descriptive, no sampling distribution to bound.
            Map.entry("latency.minMs", "an extreme of the sample, descriptive"),
            Map.entry("latency.maxMs", "an extreme of the sample, descriptive"),
            Map.entry("latency.stdevMs", "the sample's spread, descriptive (the mean's interval uses it)"),
            Map.entry("utilization.maxProcessCpuPercentOfOneCore", "the busiest interval: an extreme"),
            Map.entry("utilization.maxHeapUsedBytes", "an extreme"), Map.entry("utilization.maxThreads", "an extreme"),
            Map.entry("utilization.maxGpuMemoryBytes", "an extreme"),
            Map.entry("utilization.totalGcMs", "a total over the window"),
            Map.entry("utilization.energyJoules", "a total over the window; energy per inference has the interval"),
            Map.entry("utilization.gpuEnergyJoules", "a total over the window"),
            Map.entry("utilization.meanPackageWatts", "the window's total over its length; energy per inference "
                    + "has the interval"),
            // Documented as not yet having an interval (docs/measurement.md).
            Map.entry("utilization.meanHeapUsedBytes", "not yet (docs/measurement.md)"),
            Map.entry("utilization.meanGpuUtilPercent", "not yet (docs/measurement.md)"),
            Map.entry("variation.betweenForkCvPercent", "the forks' dispersion, descriptive"),
            Map.entry("variation.withinForkCvPercent", "the forks' dispersion, descriptive"),
            Map.entry("variation.throughputBetweenForkCvPercent", "the forks' dispersion, descriptive"),
            Map.entry("earlyStopping", "an upper bound at 99% confidence: a one-sided interval itself"),
            Map.entry("stability", "a rule's test statistic and its settings"),
            Map.entry("openLoop", "not yet (docs/measurement.md): schedule lag and queue delay"),
            Map.entry("batching", "not yet (docs/measurement.md): the batcher's counts and settings"),
            // Raw observations: what the intervals are computed from.
            Map.entry("timeline", "raw observations, one per interval"),
            Map.entry("utilization.phases", "phase marks on the timeline"),
            // Not measurements.
            Map.entry("environment", "facts of the machine"),
            Map.entry("machine", "the noise guard's observations of the machine around the load (load average, "
                    + "other processes), not figures of the configuration"), Map.entry("scenario", "the scenario as written"),
            Map.entry("setup", "the configuration as declared"),
            Map.entry("comparisonSettings", "the comparisons' settings: metric, margin, how many p-values were "
                    + "adjusted together"), Map.entry("session", "tensor shapes and settings"),
            Map.entry("agreements", "not yet (docs/measurement.md): output agreement's errors"));

    private FigureWalker() {
    }

    /** Every bare figure of {@code result}, one line each ({@code path: why}); empty when every figure passes. */
    static List<String> bareFigures(JsonNode result) {
        List<String> bare = new ArrayList<>();
        walk(result, "", null, null, bare);
        return bare;
    }

    private static void walk(JsonNode node, String path, JsonNode parent, JsonNode config, List<String> bare) {
        if (isExempt(path)) {
            return;
        }
        if (node.isObject()) {
            if (isInterval(node)) {
                return;
            }
            if (isEstimate(node)) {
                checkEstimate(node, path, bare);
                return;
            }
            JsonNode own = path.equals("configurations") ? node : config;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), node, own, bare);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, path, parent, config, bare);
            }
        } else if (node.isNumber()) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            String target = lookup(COVERED, path);
            if (target == null) {
                bare.add(path + ": a figure with neither an interval nor a reason for none");
            } else {
                JsonNode interval = target.startsWith("config:") ? at(config, target.substring(7)) : at(parent, target);
                String problem = interval == null ? "missing" : isInterval(interval) || isArrayOfIntervals(interval)
                        ? null : isEstimate(interval) ? estimateProblem(interval) : "not an interval";
                if (problem != null) {
                    bare.add(path + ": its interval " + target + " is " + problem + " (field " + field + ")");
                }
            }
        }
    }

    private static boolean isExempt(String path) {
        return lookup(NOT_FIGURES, path) != null;
    }

    /** The entry whose key is the path or ends it at a field boundary; the longest such key wins. */
    private static String lookup(Map<String, String> table, String path) {
        String key = null;
        for (String k : table.keySet()) {
            if ((path.equals(k) || path.endsWith("." + k)) && (key == null || k.length() > key.length())) {
                key = k;
            }
        }
        return key == null ? null : table.get(key);
    }

    private static JsonNode at(JsonNode from, String dotted) {
        JsonNode n = from;
        for (String part : dotted.split("\\.")) {
            if (n == null || n.isNull()) {
                return null;
            }
            n = n.get(part);
        }
        return n == null || n.isNull() ? null : n;
    }

    static boolean isInterval(JsonNode n) {
        return n.isObject() && n.has("low") && n.has("high") && n.has("bounded");
    }

    private static boolean isArrayOfIntervals(JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            return false;
        }
        for (JsonNode item : n) {
            JsonNode ci = item.get("ci95Ms");
            if (ci == null || !isInterval(ci)) {
                return false;
            }
        }
        return true;
    }

    static boolean isEstimate(JsonNode n) {
        return n.isObject() && n.has("value") && n.has("n") && (n.has("ci95") || n.has("noInterval"));
    }

    private static void checkEstimate(JsonNode n, String path, List<String> bare) {
        String problem = estimateProblem(n);
        if (problem != null) {
            bare.add(path + ": " + problem);
        }
    }

    /** Null when the estimate has an interval or says why not. */
    private static String estimateProblem(JsonNode n) {
        JsonNode ci = n.get("ci95");
        boolean interval = ci != null && isInterval(ci);
        JsonNode why = n.get("noInterval");
        boolean reason = why != null && why.isTextual() && !why.asText().isBlank();
        return interval || reason ? null : "an estimate with neither an interval nor a reason for none";
    }
}
