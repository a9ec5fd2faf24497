package io.inferbench.export;

import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every format reads: the run, its configurations' figures, and the gate's verdicts joined to
 * them by configuration label and metric.
 *
 * @param run            the result
 * @param gate           the gate's record of this run, when there is one
 * @param configurations every configuration of the run, in matrix order
 */
public record ExportedRun(RunResult run, Optional<GateRecord> gate, List<ConfigurationFigures> configurations) {
    public ExportedRun {
        Objects.requireNonNull(run, "run");
        gate = gate == null ? Optional.empty() : gate;
        configurations = List.copyOf(configurations);
    }

    /**
     * The run and its gate record.
     *
     * @throws IllegalArgumentException when the gate record is another run's
     */
    public static ExportedRun of(RunResult run, Optional<GateRecord> gate) {
        Objects.requireNonNull(run, "run");
        if (gate != null && gate.isPresent() && !gate.get().runId().equals(run.runId())) {
            throw new IllegalArgumentException("the gate record is of run " + gate.get().runId() + ", not of "
                    + run.runId());
        }
        return new ExportedRun(run, gate, run.configurations().stream().map(ConfigurationFigures::of).toList());
    }

    /** The scenario's name ({@code unnamed} when the result has none). */
    public String scenario() {
        String name = run.scenario() == null ? null : run.scenario().name();
        return name == null || name.isBlank() ? "unnamed" : name;
    }

    /**
     * Every row: each configuration's figures in run order (one row for a configuration that measured
     * nothing), each followed by the gate's verdicts on metrics it has no figure for; then the verdicts
     * on configurations not in this run (missing ones) and the night's common shifts.
     */
    public List<Row> rows() {
        Map<String, GateRecord.Verdict> verdicts = new LinkedHashMap<>();
        gate.ifPresent(g -> {
            g.verdicts().forEach(v -> verdicts.putIfAbsent(key(v.configuration(), metricKey(v.metric())), v));
            g.commonShifts().forEach(v -> verdicts.putIfAbsent(key(v.configuration(), metricKey(v.metric())), v));
        });
        List<Row> rows = new ArrayList<>();
        for (ConfigurationFigures c : configurations) {
            if (!c.measured()) {
                rows.add(new Row(c.label(), c, null, null, null));
            }
            for (Figure f : c.figures()) {
                rows.add(new Row(c.label(), c, f.metric().key(), f, verdicts.remove(key(c.label(), f.metric().key()))));
            }
            String prefix = c.label() + '\u0000';
            verdicts.entrySet().removeIf(e -> {
                if (e.getKey().startsWith(prefix)) {
                    rows.add(new Row(c.label(), c, metricKey(e.getValue().metric()), null, e.getValue()));
                    return true;
                }
                return false;
            });
        }
        verdicts.values().forEach(v -> rows.add(new Row(v.configuration(), null, metricKey(v.metric()), null, v)));
        return rows;
    }

    /** The rows that carry a figure: measured configurations' metrics. */
    public List<Row> figureRows() {
        return rows().stream().filter(r -> r.figure() != null).toList();
    }

    private static String key(String configuration, String metric) {
        return configuration + '\u0000' + metric;
    }

    /** {@link Metric#key()} where the name is one of ours, else the name as the gate wrote it. */
    static String metricKey(String name) {
        return Metric.byName(name).map(Metric::key).orElse(name);
    }
}
