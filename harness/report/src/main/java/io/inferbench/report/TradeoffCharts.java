package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the "Throughput vs latency" figures of a run: one per group of peak searches with the
 * same objective (each probe a point), and one per load-step axis ({@code concurrency} or
 * {@code rate}) whose configurations form lines: configurations that agree on every other matrix
 * axis are joined in step order. A run with neither gets no figure.
 */
final class TradeoffCharts {
    /** The matrix axes that load steps create (see the scenario's step expansion). */
    static final List<String> STEP_AXES = List.of("concurrency", "rate");

    private TradeoffCharts() {
    }

    /** The figures of {@code configs}; {@code colours} maps configuration id to its series colour. */
    static List<ReportView.Figure> of(List<ConfigurationResult> configs, Map<String, String> colours) {
        List<ReportView.Figure> figures = new ArrayList<>();
        Map<String, List<ConfigurationResult>> searches = new LinkedHashMap<>();
        for (ConfigurationResult c : configs) {
            PeakSearchResult p = c.phases().peak();
            if (c.status() == ConfigurationStatus.OK && p != null && !p.probes().isEmpty()) {
                // One chart per objective: one y axis, one dashed line.
                searches.computeIfAbsent(p.searched() + "|" + p.percentile() + "|" + p.sloMs(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        searches.values().forEach(group -> figures.add(peakFigure(group, colours)));
        for (String axis : STEP_AXES) {
            ReportView.Figure f = sweepFigure(configs, axis);
            if (f != null) {
                figures.add(f);
            }
        }
        return figures;
    }

    private static ReportView.Figure peakFigure(List<ConfigurationResult> group, Map<String, String> colours) {
        PeakSearchResult first = group.get(0).phases().peak();
        String percentile = Formats.percentile(first.percentile());
        String objective = Formats.objective(first.percentile(), first.sloMs());
        String what = "concurrency".equals(first.searched()) ? "concurrency" : "rate";
        List<SvgTradeoffChart.Series> series = new ArrayList<>();
        List<String> peaks = new ArrayList<>();
        int probes = 0;
        for (int i = 0; i < group.size(); i++) {
            ConfigurationResult c = group.get(i);
            PeakSearchResult p = c.phases().peak();
            probes += p.probes().size();
            List<SvgTradeoffChart.Point> points = p.probes().stream()
                    .sorted(Comparator.comparingDouble(PeakSearchResult.Probe::load))
                    .map(x -> new SvgTradeoffChart.Point(x.throughputQps(), x.latencyMs(),
                            x.meetsSlo() ? SvgTradeoffChart.Marker.MET : SvgTradeoffChart.Marker.MISSED,
                            PeakView.isPeak(p, x), PeakView.isPeak(p, x) ? "peak " + Formats.load(p.searched(), x.load())
                            : null, what + " " + Formats.load(p.searched(), x.load()) + ": "
                            + percentile + " " + Formats.ms(x.latencyMs()) + " ms at " + Formats.rate(x.throughputQps())
                            + " q/s completed — " + (x.meetsSlo() ? "met" : "missed") + " the objective"))
                    .toList();
            // One search: a neutral line, so the green and red markers carry the colour. Several: their colours.
            String colour = group.size() == 1 ? SvgTradeoffChart.NEUTRAL : colours.getOrDefault(c.id(), Palette.colour(i));
            series.add(new SvgTradeoffChart.Series(ConfigurationView.label(c), colour, "", points));
            peaks.add((group.size() > 1 ? ConfigurationView.label(c) + ": " : "")
                    + (PeakView.found(p) ? Formats.load(p.searched(), p.peak()) : "none found"));
        }
        String svg = SvgTradeoffChart.render("Throughput against " + percentile + " latency for every probe of the "
                + "peak search; objective " + objective, percentile + " latency (ms)", series,
                new SvgTradeoffChart.Objective(first.sloMs(), "objective " + objective));
        String caption = "One point per probe (" + probes + " in all) at the throughput it achieved and the "
                + percentile + " it measured, joined in order of the " + what + " tried. Green circles met the "
                + "objective " + objective + " (dashed line), red crosses missed it; the ring marks the peak ("
                + String.join("; ", peaks) + "). Where the line turns upward, more load buys latency rather than "
                + "throughput. Each probe's figures are in the configuration's details.";
        return new ReportView.Figure("Peak search: highest " + what + " with " + objective, null, svg, caption);
    }

    /** The sweep over {@code axis}, or null when no two configurations differ only in it. */
    private static ReportView.Figure sweepFigure(List<ConfigurationResult> configs, String axis) {
        Map<String, List<ConfigurationResult>> lines = new LinkedHashMap<>();
        for (ConfigurationResult c : configs) {
            PhaseResult m = c.measurement();
            if (c.status() == ConfigurationStatus.OK && m != null && m.latency() != null && c.phases().peak() == null
                    && c.setup().axes().containsKey(axis)) {
                String others = c.setup().axes().entrySet().stream().filter(e -> !e.getKey().equals(axis))
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
                lines.computeIfAbsent(others, k -> new ArrayList<>()).add(c);
            }
        }
        lines.values().removeIf(l -> l.size() < 2);
        if (lines.isEmpty()) {
            return null;
        }
        // p99 is the figure a capacity plan needs; fall back to p50 when a short step could not give it.
        boolean p99 = lines.values().stream().flatMap(List::stream)
                .allMatch(c -> Double.isFinite(c.measurement().latency().valueMs(99.0)));
        double pct = p99 ? 99.0 : 50.0;
        String percentile = Formats.percentile(pct);
        List<SvgTradeoffChart.Series> series = new ArrayList<>();
        boolean anyInvalid = false;
        int i = 0;
        for (Map.Entry<String, List<ConfigurationResult>> line : lines.entrySet()) {
            List<SvgTradeoffChart.Point> points = new ArrayList<>();
            for (ConfigurationResult c : line.getValue().stream()
                    .sorted(Comparator.comparingDouble(c -> step(c.setup().axes().get(axis)))).toList()) {
                boolean valid = ConfigurationView.isValid(c);
                anyInvalid |= !valid;
                String v = c.setup().axes().get(axis);
                double latency = c.measurement().latency().valueMs(pct);
                points.add(new SvgTradeoffChart.Point(c.measurement().throughputQps(), latency,
                        valid ? SvgTradeoffChart.Marker.VALID : SvgTradeoffChart.Marker.NOT_VALID, false,
                        axis.equals("concurrency") ? "c=" + v : v + " q/s",
                        ConfigurationView.label(c) + ": " + Formats.rate(c.measurement().throughputQps()) + " q/s, "
                                + percentile + " " + Formats.ms(latency) + " ms (" + ConfigurationView.status(c) + ")"));
            }
            series.add(new SvgTradeoffChart.Series(line.getKey().isEmpty() ? axis + " steps" : line.getKey(),
                    Palette.colour(i), Palette.dash(i), points));
            i++;
        }
        String name = Character.toUpperCase(axis.charAt(0)) + axis.substring(1);
        String svg = SvgTradeoffChart.render("Throughput against " + percentile + " latency for each " + axis
                + " step", percentile + " latency (ms)", series, null);
        String caption = "One point per configuration at its measured throughput and " + percentile
                + (p99 ? "" : " (p50: not every step measured enough queries for a p99)")
                + ", labelled with its " + axis + " and joined in " + axis + " order; configurations that differ "
                + "only in " + axis + " share a line. Where a line turns upward, more " + axis + " buys latency "
                + "rather than throughput." + (anyInvalid ? " Hollow circles are measurements that are not valid."
                : "");
        return new ReportView.Figure(name + " steps: throughput against " + percentile + " latency", null, svg,
                caption);
    }

    /** A step's value for ordering; steps that are not numbers go last. */
    private static double step(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.MAX_VALUE;
        }
    }
}
