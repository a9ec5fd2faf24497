package io.inferbench.report;

import io.inferbench.result.ColdStart;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.Estimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.ResourceEstimates;
import io.inferbench.result.UtilizationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a configuration's process used (CPU, memory, GC, threads, energy) and how it started (model
 * load, first inference, time to steady state), formatted for its detail card.
 *
 * @param rows        resource figures; empty when utilization was not sampled
 * @param unavailable why a metric could not be read, verbatim, one per entry
 * @param coldStart   cold-start figures; empty when not recorded
 */
record ResourcesView(List<KeyValue> rows, List<String> unavailable, List<KeyValue> coldStart) {
    /**
     * One row of the "Resources per configuration" table.
     *
     * @param label          configuration label
     * @param id             configuration id
     * @param colour         its chart colour, or null
     * @param cpu            mean process CPU, % of one core
     * @param cpuMax         busiest interval, % of one core
     * @param cpuMachine     mean process CPU, % of the machine
     * @param peakRss        peak resident set size
     * @param maxHeap        largest heap in use
     * @param gc             GC time
     * @param threads        most OS threads
     * @param joules         CPU package energy per inference in the measurement
     * @param load           model load time
     * @param firstInference first inference latency
     * @param steady         time to steady state
     * @param meanRss        mean resident set size
     * @param ci             each figure's 95% interval and sample size, or why it has none, for the
     *                       cell's second line
     */
    record Row(String label, String id, String colour, String cpu, String cpuMax, String cpuMachine,
               String peakRss, String maxHeap, String gc, String threads, String joules, String load,
               String firstInference, String steady, String meanRss, Intervals ci) {
    }

    /**
     * A row's intervals and sample sizes ({@code 370–402 · n 24}) or why a figure has none
     * ({@code n = 1, no interval}), by the row's field; null where the result has no estimate
     * (written before intervals were recorded, or not measured).
     */
    record Intervals(String cpu, String cpuMachine, String meanRss, String peakRss, String joules, String load,
                     String firstInference, String steady) {
        static final Intervals NONE = new Intervals(null, null, null, null, null, null, null, null);
    }

    /** The view of {@code c}; null when it recorded neither utilization nor cold start. */
    static ResourcesView of(ConfigurationResult c) {
        UtilizationResult u = c.resources().utilization();
        ColdStart s = c.resources().coldStart();
        if (u == null && s == null) {
            return null;
        }
        ResourceEstimates e = c.resources().estimates();
        List<KeyValue> rows = new ArrayList<>();
        if (u != null) {
            if (e != null && e.cpuPercentOfOneCore() != null) {
                rows.add(KeyValue.of("Process CPU, mean", EstimateText.full(e.cpuPercentOfOneCore(),
                        ResourcesView::cpu) + " of one core"));
                rows.add(KeyValue.of("Process CPU, busiest interval", cpu(u.maxProcessCpuPercentOfOneCore())
                        + " of one core"));
            } else {
                rows.add(KeyValue.of("Process CPU, mean / max", cpu(u.meanProcessCpuPercentOfOneCore()) + " / "
                        + cpu(u.maxProcessCpuPercentOfOneCore()) + " of one core"));
            }
            rows.add(KeyValue.of("Process CPU, share of machine", (e != null && e.cpuPercentOfMachine() != null
                    ? EstimateText.full(e.cpuPercentOfMachine(), Formats::percent)
                    : Formats.percent(u.meanProcessCpuPercentOfMachine()))
                    + (u.cores() > 0 ? " of " + u.cores() + (u.cores() == 1 ? " core" : " cores") : "")));
            if (e != null && e.rssBytes() != null) {
                rows.add(KeyValue.of("RSS, mean", EstimateText.full(e.rssBytes(), ResourcesView::bytes)));
            }
            rows.add(KeyValue.of("Peak RSS", e != null && e.peakRssBytes() != null
                    ? EstimateText.full(e.peakRssBytes(), ResourcesView::bytes) : Formats.bytes(u.peakRssBytes())));
            rows.add(KeyValue.of("Heap used, mean / max", bytes(u.meanHeapUsedBytes()) + " / "
                    + Formats.bytes(u.maxHeapUsedBytes())));
            rows.add(KeyValue.of("GC time", u.totalGcMs() < 0 ? Formats.MISSING : Formats.count(u.totalGcMs()) + " ms"));
            rows.add(KeyValue.of("Threads, max", u.maxThreads() < 0 ? Formats.MISSING : Formats.count(u.maxThreads())));
            rows.add(KeyValue.of("CPU package energy", energy(u)));
            double perInference = joulesPerInference(c);
            if (e != null && e.joulesPerInference() != null) {
                rows.add(KeyValue.of("Energy per inference (measurement)", EstimateText.full(e.joulesPerInference(),
                        ResourcesView::joules)));
            } else if (Double.isFinite(perInference)) {
                rows.add(KeyValue.of("Energy per inference (measurement)", joules(perInference)));
            }
            if (Double.isFinite(u.meanGpuUtilPercent())) {
                rows.add(KeyValue.of("GPU utilization, mean", Formats.percent(u.meanGpuUtilPercent())));
            }
            if (u.maxGpuMemoryBytes() >= 0) {
                rows.add(KeyValue.of("GPU memory, max", Formats.bytes(u.maxGpuMemoryBytes())));
            }
            if (Double.isFinite(u.gpuEnergyJoules())) {
                rows.add(KeyValue.of("GPU energy", joules(u.gpuEnergyJoules())));
            }
            rows.add(KeyValue.of("Sampled", Formats.duration(u.durationSeconds() * 1000) + " every "
                    + NiceScale.label(u.intervalSeconds()) + " s (" + Formats.count(u.timeline().size())
                    + " samples)"));
        }
        List<KeyValue> cold = new ArrayList<>();
        if (s != null) {
            cold.add(KeyValue.of("Model load", e != null && e.modelLoadMs() != null
                    ? EstimateText.full(e.modelLoadMs(), Formats::duration) : Formats.duration(s.modelLoadMs())));
            cold.add(KeyValue.of("First inference", e != null && e.firstInferenceMs() != null
                    ? EstimateText.full(e.firstInferenceMs(), ResourcesView::ms) : ms(s.firstInferenceMs())));
            cold.add(new KeyValue("Time to steady state", e != null && e.timeToSteadyStateMs() != null
                    && Double.isFinite(e.timeToSteadyStateMs().value())
                    ? EstimateText.full(e.timeToSteadyStateMs(), Formats::duration)
                    : Double.isFinite(s.timeToSteadyStateMs()) ? Formats.duration(s.timeToSteadyStateMs()) : "not reached",
                    "from the start of the load to the first interval whose median is within the tolerance of the "
                            + "final median"));
            cold.add(KeyValue.of("Model file size", Formats.bytes(s.modelFileBytes())));
        }
        return new ResourcesView(rows, u == null ? List.of() : u.unavailable().stream()
                .filter(n -> n != null && !n.isBlank()).toList(), cold);
    }

    /** The table row of {@code c}; null when it recorded neither utilization nor cold start. */
    static Row row(ConfigurationResult c, String colour) {
        UtilizationResult u = c.resources().utilization();
        ColdStart s = c.resources().coldStart();
        if (u == null && s == null) {
            return null;
        }
        String m = Formats.MISSING;
        ResourceEstimates e = c.resources().estimates();
        // The estimates' values where the result has them: across forks, the forks' mean, not the first fork's.
        return new Row(ConfigurationView.label(c), Formats.text(c.id()), colour,
                u == null ? m : cpu(value(e == null ? null : e.cpuPercentOfOneCore(), u.meanProcessCpuPercentOfOneCore())),
                u == null ? m : cpu(u.maxProcessCpuPercentOfOneCore()),
                u == null ? m : Formats.percent(value(e == null ? null : e.cpuPercentOfMachine(),
                        u.meanProcessCpuPercentOfMachine())),
                u == null ? m : bytes(value(e == null ? null : e.peakRssBytes(), u.peakRssBytes())),
                u == null ? m : Formats.bytes(u.maxHeapUsedBytes()),
                u == null || u.totalGcMs() < 0 ? m : Formats.count(u.totalGcMs()),
                u == null || u.maxThreads() < 0 ? m : Formats.count(u.maxThreads()),
                u == null ? m : joules(value(e == null ? null : e.joulesPerInference(), joulesPerInference(c))),
                s == null ? m : Formats.duration(value(e == null ? null : e.modelLoadMs(), s.modelLoadMs())),
                s == null ? m : ms(value(e == null ? null : e.firstInferenceMs(), s.firstInferenceMs())),
                s == null ? m : steady(value(e == null ? null : e.timeToSteadyStateMs(), s.timeToSteadyStateMs())),
                e == null || e.rssBytes() == null ? m : bytes(e.rssBytes().value()), intervals(e));
    }

    /** The estimate's value, or {@code fallback} without one (a result written before estimates). */
    private static double value(Estimate e, double fallback) {
        return e == null ? fallback : e.value();
    }

    private static String steady(double ms) {
        return Double.isFinite(ms) ? Formats.duration(ms) : "not reached";
    }

    /** Each estimate's second line in the table. */
    private static Intervals intervals(ResourceEstimates e) {
        if (e == null) {
            return Intervals.NONE;
        }
        Estimate steady = e.timeToSteadyStateMs();
        return new Intervals(EstimateText.ci(e.cpuPercentOfOneCore(), ResourcesView::cpu),
                EstimateText.ci(e.cpuPercentOfMachine(), Formats::percent),
                EstimateText.ci(e.rssBytes(), ResourcesView::bytes),
                EstimateText.ci(e.peakRssBytes(), ResourcesView::bytes),
                EstimateText.ci(e.joulesPerInference(), ResourcesView::joules),
                EstimateText.ci(e.modelLoadMs(), Formats::duration),
                EstimateText.ci(e.firstInferenceMs(), ResourcesView::ms),
                steady == null || !Double.isFinite(steady.value()) ? null : EstimateText.ci(steady, Formats::duration));
    }

    /** CPU package energy per inference of the measured phase; NaN when unknown. */
    static double joulesPerInference(ConfigurationResult c) {
        PhaseResult m = c.measurement();
        UtilizationResult u = c.resources().utilization();
        return u == null || m == null ? Double.NaN : u.joulesPerInference("measurement", m.samples());
    }

    private static String cpu(double percentOfOneCore) {
        return Double.isFinite(percentOfOneCore) ? Formats.decimal(percentOfOneCore, 0) + "%" : Formats.MISSING;
    }

    private static String bytes(double bytes) {
        return Double.isFinite(bytes) && bytes >= 0 ? Formats.bytes(Math.round(bytes)) : Formats.MISSING;
    }

    private static String ms(double ms) {
        return Double.isFinite(ms) ? Formats.ms(ms) + " ms" : Formats.MISSING;
    }

    private static String energy(UtilizationResult u) {
        if (!Double.isFinite(u.energyJoules())) {
            return Formats.MISSING;
        }
        return joules(u.energyJoules()) + (Double.isFinite(u.meanPackageWatts())
                ? " (" + String.format(Locale.ROOT, "%.1f", u.meanPackageWatts()) + " W mean)" : "");
    }

    /** Joules with three significant digits: {@code 0.0412 J}, {@code 1,204 J}. */
    static String joules(double j) {
        return Double.isFinite(j) ? Formats.ms(j) + " J" : Formats.MISSING;
    }
}
