package io.inferbench.report;

import io.inferbench.result.ColdStart;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.PhaseResult;
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
     */
    record Row(String label, String id, String colour, String cpu, String cpuMax, String cpuMachine,
               String peakRss, String maxHeap, String gc, String threads, String joules, String load,
               String firstInference, String steady) {
    }

    /** The view of {@code c}; null when it recorded neither utilization nor cold start. */
    static ResourcesView of(ConfigurationResult c) {
        UtilizationResult u = c.resources().utilization();
        ColdStart s = c.resources().coldStart();
        if (u == null && s == null) {
            return null;
        }
        List<KeyValue> rows = new ArrayList<>();
        if (u != null) {
            rows.add(KeyValue.of("Process CPU, mean / max", cpu(u.meanProcessCpuPercentOfOneCore()) + " / "
                    + cpu(u.maxProcessCpuPercentOfOneCore()) + " of one core"));
            rows.add(KeyValue.of("Process CPU, share of machine", Formats.percent(u.meanProcessCpuPercentOfMachine())
                    + (u.cores() > 0 ? " of " + u.cores() + (u.cores() == 1 ? " core" : " cores") : "")));
            rows.add(KeyValue.of("Peak RSS", Formats.bytes(u.peakRssBytes())));
            rows.add(KeyValue.of("Heap used, mean / max", bytes(u.meanHeapUsedBytes()) + " / "
                    + Formats.bytes(u.maxHeapUsedBytes())));
            rows.add(KeyValue.of("GC time", u.totalGcMs() < 0 ? Formats.MISSING : Formats.count(u.totalGcMs()) + " ms"));
            rows.add(KeyValue.of("Threads, max", u.maxThreads() < 0 ? Formats.MISSING : Formats.count(u.maxThreads())));
            rows.add(KeyValue.of("CPU package energy", energy(u)));
            double perInference = joulesPerInference(c);
            if (Double.isFinite(perInference)) {
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
            cold.add(KeyValue.of("Model load", Formats.duration(s.modelLoadMs())));
            cold.add(KeyValue.of("First inference", ms(s.firstInferenceMs())));
            cold.add(new KeyValue("Time to steady state", Double.isFinite(s.timeToSteadyStateMs())
                    ? Formats.duration(s.timeToSteadyStateMs()) : "not reached",
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
        return new Row(ConfigurationView.label(c), Formats.text(c.id()), colour,
                u == null ? m : cpu(u.meanProcessCpuPercentOfOneCore()),
                u == null ? m : cpu(u.maxProcessCpuPercentOfOneCore()),
                u == null ? m : Formats.percent(u.meanProcessCpuPercentOfMachine()),
                u == null ? m : Formats.bytes(u.peakRssBytes()), u == null ? m : Formats.bytes(u.maxHeapUsedBytes()),
                u == null || u.totalGcMs() < 0 ? m : Formats.count(u.totalGcMs()),
                u == null || u.maxThreads() < 0 ? m : Formats.count(u.maxThreads()),
                u == null ? m : joules(joulesPerInference(c)),
                s == null ? m : Formats.duration(s.modelLoadMs()), s == null ? m : ms(s.firstInferenceMs()),
                s == null ? m : Double.isFinite(s.timeToSteadyStateMs()) ? Formats.duration(s.timeToSteadyStateMs())
                        : "not reached");
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
