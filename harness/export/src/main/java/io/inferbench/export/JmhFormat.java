package io.inferbench.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.api.Interval;
import io.inferbench.load.HistogramCodec;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PhaseResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * JMH's JSON result shape ({@code -rf json}), so that JMH tooling (jmh-visualizer, JMH's own comparison
 * scripts, github-action-benchmark's {@code tool: jmh}) reads latency results: one entry per measured
 * configuration, in {@code sample} mode (JMH's {@code SampleTime}), unit {@code ms/op}. The benchmark is
 * {@code inferbench.<scenario>.latency} and the matrix axes are its {@code params}; each fork is one JMH
 * fork of one iteration, its latencies the {@code rawDataHistogram}. As in JMH's sample mode, the score is
 * the mean latency; its error and confidence are the 95% interval of the mean (JMH prints 99.9%). p50,
 * p99 (with their distribution-free 95% intervals), throughput, memory, energy and accuracy are secondary
 * metrics. Configurations that failed or were skipped measured nothing and are left out.
 */
final class JmhFormat implements ExportFormat {
    /** JMH's percentile keys, in its order. */
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};
    private static final Pattern CONCURRENCY = Pattern.compile("concurrency\\((\\d+)\\)");

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(ExportedRun run, Writer out) throws IOException {
        ArrayNode results = Json.NODES.arrayNode();
        for (ConfigurationFigures c : run.configurations()) {
            PhaseResult m = c.source().measurement();
            if (c.measured() && m != null && m.latency() != null && m.latency().count() > 0) {
                results.add(benchmark(run, c, m));
            }
        }
        Json.write(results, out);
    }

    private static ObjectNode benchmark(ExportedRun run, ConfigurationFigures c, PhaseResult m) {
        ConfigurationSetup setup = c.source().setup();
        List<PhaseResult> forks = c.source().phases().forks().isEmpty() ? List.of(m) : c.source().phases().forks();
        PhaseResult warmup = c.source().phases().warmup();
        ObjectNode b = Json.NODES.objectNode();
        b.put("benchmark", "inferbench." + identifier(run.scenario()) + ".latency");
        b.put("mode", "sample");
        b.put("threads", threads(setup.load()));
        b.put("forks", forks.size());
        b.put("warmupIterations", warmup == null ? 0 : 1);
        b.put("warmupTime", warmup == null ? "0 ms" : millis(warmup.durationMs()));
        b.put("warmupBatchSize", 1);
        b.put("measurementIterations", 1);
        b.put("measurementTime", millis(forks.get(0).durationMs()));
        b.put("measurementBatchSize", 1);
        ObjectNode params = b.putObject("params");
        if (setup.axes().isEmpty()) {
            params.put("configuration", c.label().isBlank() ? c.id() : c.label());
        } else {
            setup.axes().forEach(params::put);
        }
        b.set("primaryMetric", primary(m, forks));
        ObjectNode secondary = b.putObject("secondaryMetrics");
        for (Figure f : c.figures()) {
            if (Double.isFinite(f.value())) {
                secondary.set(secondaryName(f.metric()), single(f));
            }
        }
        return b;
    }

    private static ObjectNode primary(PhaseResult m, List<PhaseResult> forks) {
        LatencySummary l = m.latency();
        Histogram merged = decode(m.histogram());
        ObjectNode p = Json.NODES.objectNode();
        p.put("score", l.meanMs());
        Interval ci = l.meanCi95Ms();
        p.put("scoreError", ci == null ? Double.NaN : ci.halfWidth());
        p.putArray("scoreConfidence").add(ci == null ? l.meanMs() : ci.low()).add(ci == null ? l.meanMs() : ci.high());
        ObjectNode percentiles = p.putObject("scorePercentiles");
        double previous = Double.NEGATIVE_INFINITY;
        for (double q : PERCENTILES) {
            // The histogram's resolution differs from the summary's: never let a higher percentile read lower.
            double v = Math.max(previous, percentile(l, merged, q));
            percentiles.put(key(q), v);
            previous = v;
        }
        p.put("scoreUnit", "ms/op");
        ArrayNode raw = p.putArray("rawDataHistogram");
        for (PhaseResult fork : forks) {
            ArrayNode iteration = raw.addArray().addArray();
            Histogram h = decode(fork.histogram());
            for (HistogramIterationValue v : h.recordedValues()) {
                iteration.addArray().add(h.medianEquivalentValue(v.getValueIteratedTo()) / 1e6).add(v.getCountAtValueIteratedTo());
            }
        }
        return p;
    }

    /** The summary's figure where it has one (what every other format reports), else the histogram's. */
    private static double percentile(LatencySummary l, Histogram h, double q) {
        if (q == 0.0) {
            return l.minMs();
        }
        if (q == 100.0) {
            return l.maxMs();
        }
        double v = l.valueMs(q);
        if (Double.isNaN(v) && h != null && h.getTotalCount() > 0) {
            v = h.getValueAtPercentile(q) / 1e6;
        }
        return v;
    }

    /** A secondary metric of one value: JMH's shape for a figure measured once. */
    private static ObjectNode single(Figure f) {
        ObjectNode s = Json.NODES.objectNode();
        s.put("score", f.value());
        Interval ci = f.ci95();
        boolean finite = ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high());
        s.put("scoreError", finite ? ci.halfWidth() : Double.NaN);
        s.putArray("scoreConfidence").add(finite ? ci.low() : f.value()).add(finite ? ci.high() : f.value());
        ObjectNode percentiles = s.putObject("scorePercentiles");
        for (double q : PERCENTILES) {
            percentiles.put(key(q), f.value());
        }
        s.put("scoreUnit", unit(f.metric()));
        s.putArray("rawData").addArray().add(f.value());
        return s;
    }

    private static String secondaryName(Metric m) {
        return switch (m) {
            case P50 -> "p0.50";
            case P99 -> "p0.99";
            default -> m.key();
        };
    }

    private static String unit(Metric m) {
        return switch (m) {
            case P50, P99 -> "ms/op";
            case THROUGHPUT -> "ops/s";
            case ENERGY_PER_INFERENCE -> "J/op";
            default -> m.unit();
        };
    }

    private static Histogram decode(String histogram) {
        try {
            return HistogramCodec.decode(histogram);
        } catch (IllegalArgumentException e) {
            return HistogramCodec.newHistogram(); // a corrupt histogram loses the raw data, not the figures
        }
    }

    /** JMH's keys: {@code 0.0}, {@code 50.0}, {@code 99.9999}, {@code 100.0}. */
    private static String key(double q) {
        return Double.toString(q);
    }

    private static int threads(String load) {
        Matcher m = CONCURRENCY.matcher(String.valueOf(load));
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%d ms", Math.round(ms));
    }

    /** A Java identifier part: JMH tooling splits benchmark names at dots. */
    private static String identifier(String s) {
        String id = s.replaceAll("[^A-Za-z0-9_]", "_");
        return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "_" + id : id;
    }
}
