package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-configuration detail block of the report: what was loaded, how it was fed and
 * configured, and the measured figures that do not fit the comparison table.
 *
 * @param model             name, format, source, path, size and hash
 * @param inputs            model inputs as fed
 * @param outputs           model outputs as declared
 * @param sessionProperties effective backend settings reported by the adapter
 * @param resolvedSettings  the resolved configuration, as dotted keys (not named {@code settings}:
 *                          OGNL would take a method named {@code set...} for a setter)
 * @param phases            timings and extra statistics of the warmup and measured phases
 * @param openLoop          schedule keeping of an open-loop run; null for a closed loop
 * @param batching          what the dynamic batcher did; null without batching
 * @param stability         the stability rule's outcome; null when it was not applied
 * @param earlyStopping     MLPerf early-stopping estimates; empty when none were computed
 * @param forks             each fork's measurement and the variation across forks; null unless
 *                          the configuration ran in two or more forks
 * @param peak              the peak search and its probes; null for other load profiles
 * @param resources         resource use and cold start; null when neither was recorded
 */
record ConfigurationDetails(List<KeyValue> model, List<Tensor> inputs, List<Tensor> outputs,
                            List<KeyValue> sessionProperties, List<KeyValue> resolvedSettings,
                            List<KeyValue> phases, OpenLoopView openLoop, BatchingView batching,
                            StabilityView stability, List<EarlyStoppingView> earlyStopping, ForksView forks,
                            PeakView peak, ResourcesView resources) {
    /** Characters of the SHA-256 shown; the full hash is in the tooltip. */
    static final int SHORT_HASH = 12;

    /**
     * A tensor as shown.
     *
     * @param name  tensor name
     * @param dtype element type
     * @param shape dimensions as {@code 1 × 128}, {@code ?} for a dynamic one
     */
    record Tensor(String name, String dtype, String shape) {
    }

    static ConfigurationDetails of(ConfigurationResult c) {
        PhaseResult m = c.measurement();
        List<PhaseResult> forks = c.phases().forks();
        return new ConfigurationDetails(model(c.setup().model()), tensors(c.session().inputs()),
                tensors(c.session().outputs()), rows(c.session().properties()), rows(c.setup().settings()), phases(c),
                OpenLoopView.of(m, forks), BatchingView.of(m, forks), StabilityView.of(m, forks),
                EarlyStoppingView.of(m), ForksView.of(c), PeakView.of(c.phases().peak()), ResourcesView.of(c));
    }

    /**
     * True when any measured block (open loop, batching, stability, estimates, forks, peak, resources) has
     * content. Public because templates call it, and OGNL only calls public methods.
     */
    public boolean anyMeasuredBlock() {
        return openLoop != null || batching != null || stability != null || !earlyStopping.isEmpty() || forks != null
                || peak != null || resources != null;
    }

    private static List<KeyValue> model(ModelInfo m) {
        if (m == null) {
            return List.of(KeyValue.of("Model", null));
        }
        String hash = m.sha256() == null || m.sha256().isBlank() ? null : m.sha256();
        String shortHash = hash == null || hash.length() <= SHORT_HASH ? hash : hash.substring(0, SHORT_HASH) + "…";
        List<KeyValue> rows = new java.util.ArrayList<>(List.of(KeyValue.of("Name", m.name()),
                KeyValue.of("Format", m.format()), KeyValue.of("Source", m.source()),
                KeyValue.of("Loaded from", m.path()), KeyValue.of("Size", Formats.bytes(m.sizeBytes())),
                new KeyValue("SHA-256", Formats.text(shortHash), hash)));
        var cv = m.conversion();
        if (cv != null) {
            rows.add(KeyValue.of("Converted by the harness", cv.from() + " → " + cv.to() + " with " + cv.converter()
                    + " v" + cv.version() + ", from " + cv.sourcePath()));
            cv.notes().forEach(n -> rows.add(KeyValue.of("Conversion note", n)));
        }
        return rows;
    }

    private static List<Tensor> tensors(List<TensorInfo> tensors) {
        return tensors.stream().map(t -> new Tensor(Formats.text(t.name()), Formats.text(t.dtype()),
                t.shape().isEmpty() ? "scalar" : t.shape().stream().map(d -> d == null || d < 0 ? "?" : d.toString())
                        .collect(Collectors.joining(" × ")))).toList();
    }

    private static List<KeyValue> rows(Map<String, String> map) {
        return map.entrySet().stream().map(e -> KeyValue.of(e.getKey(), e.getValue())).toList();
    }

    private static List<KeyValue> phases(ConfigurationResult c) {
        List<KeyValue> rows = new ArrayList<>();
        double loadMs = c.resources().loadTimeMs();
        if (loadMs > 0) {
            rows.add(KeyValue.of("Model load time", Formats.duration(loadMs)));
        }
        PhaseResult w = c.phases().warmup();
        if (w != null) {
            rows.add(KeyValue.of("Warmup (excluded)", Formats.count(w.queries()) + " queries in "
                    + Formats.duration(w.durationMs()) + ", " + Formats.rate(w.throughputQps()) + " QPS"));
        }
        PhaseResult m = c.measurement();
        if (m != null) {
            rows.add(KeyValue.of("Measured", Formats.count(m.queries()) + " queries ("
                    + Formats.count(m.samples()) + " samples) in " + Formats.duration(m.durationMs())
                    + measuredFrom(c)));
            rows.add(KeyValue.of("Samples per second", samplesPerSecond(c, m)));
            LatencySummary l = m.latency();
            if (l != null) {
                rows.add(KeyValue.of("Latency min / stdev", Formats.ms(l.minMs()) + " / " + Formats.ms(l.stdevMs())
                        + " ms (" + Formats.count(l.count()) + " successful queries)"));
            }
            rows.add(KeyValue.of("Errors", Formats.count(m.errors())
                    + (m.firstError() == null ? "" : " — first: " + Formats.firstLine(m.firstError()))));
        }
        rows.addAll(MachineRows.of(c));
        return rows;
    }

    /**
     * {@code 3,210 (95% CI 3,150–3,270; n = 12 timeline intervals)}: the interval is the throughput's,
     * from the timeline's full-length per-interval rates (every fork's, when there are forks), so its
     * sample size is the number of those intervals.
     */
    private static String samplesPerSecond(ConfigurationResult c, PhaseResult m) {
        var ci = m.samplesPerSecondCi95();
        String value = Formats.rate(m.samplesPerSecond());
        if (ci == null) {
            return value;
        }
        if (!ci.bounded()) {
            return value + " (fewer than 3 full timeline intervals: no interval)";
        }
        List<PhaseResult> phases = c.phases().forks().isEmpty() ? List.of(m) : c.phases().forks();
        long n = phases.stream().mapToLong(ConfigurationDetails::fullIntervals).sum();
        return value + " (95% CI " + Formats.rate(ci.low()) + "–" + Formats.rate(ci.high()) + "; n = " + n
                + " timeline intervals)";
    }

    /** Timeline intervals of the nominal length (the first's, within 1%), as the throughput interval counts them. */
    private static long fullIntervals(PhaseResult p) {
        if (p.timeline().isEmpty()) {
            return 0;
        }
        double full = p.timeline().get(0).endSeconds() - p.timeline().get(0).startSeconds();
        return p.timeline().stream().map(t -> t.endSeconds() - t.startSeconds())
                .filter(length -> length > 0 && Math.abs(length - full) <= full / 100).count();
    }

    /** Where the measured figures come from when that is not one plain run: merged forks, or a peak probe. */
    private static String measuredFrom(ConfigurationResult c) {
        int forks = c.phases().forks().size();
        if (forks >= 2) {
            return "; " + forks + " forks merged";
        }
        PeakSearchResult peak = c.phases().peak();
        if (peak != null && PeakView.found(peak)) {
            return "; the peak probe, " + Formats.load(peak.searched(), peak.peak());
        }
        return "";
    }
}
