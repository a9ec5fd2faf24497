package io.inferbench.report;

import io.inferbench.result.PhaseMark;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Resource use over time for one configuration: process CPU (% of one core) in an upper panel,
 * resident set size and JVM heap in use (MiB) in a lower panel, on a shared time axis since sampling
 * started. Each phase the harness marked (load, warmup, measurement …) starts at a dashed line with
 * its name above the plot; every phase but the measurement is shaded (alternating depth), as the
 * warmup is in {@link SvgTimelineChart}, so the measured stretch stands out.
 *
 * <p>Same conventions as {@link SvgTimelineChart}: escaped text, {@code role="img"}, axis titles
 * with units, a legend, Okabe–Ito colours; the CPU line has the class {@code cpu} so a page can
 * lighten its dark blue on a dark background.
 */
final class SvgResourceChart {
    static final String CPU = "#0072B2";
    static final String RSS = "#D55E00";
    static final String HEAP = "#009E73";
    private static final double MIB = 1024.0 * 1024.0;
    /** The phase left unshaded. */
    private static final String MEASUREMENT = "measurement";
    private static final double WIDTH = 600;
    private static final double LEFT = 58;
    private static final double RIGHT = 16;
    /** Room above the plot: a legend row, then a row for the phases' names. */
    private static final double TOP = 42;
    private static final double CPU_H = 110;
    private static final double GAP = 30;
    private static final double MEM_H = 90;
    private static final double HEIGHT = TOP + CPU_H + GAP + MEM_H + 46;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double MEM_TOP = TOP + CPU_H + GAP;

    private SvgResourceChart() {
    }

    /** The chart, or null when {@code u} has no sample. */
    static String render(String description, UtilizationResult u) {
        List<UtilizationSample> samples = u.timeline();
        if (samples.isEmpty()) {
            return null;
        }
        double end = Math.max(Double.isFinite(u.durationSeconds()) ? u.durationSeconds() : 0,
                samples.get(samples.size() - 1).tSeconds());
        end = Math.max(end, 1e-3);
        NiceScale cpu = NiceScale.covering(max(samples, UtilizationSample::processCpuPercentOfOneCore), 4);
        NiceScale mem = NiceScale.covering(Math.max(max(samples, s -> s.rssBytes() / MIB),
                max(samples, s -> s.heapUsedBytes() / MIB)), 3);
        double xMax = end;

        Svg svg = new Svg(WIDTH, HEIGHT, "chart resource-chart", description);
        svg.open("g", "font-size", 12, "fill", "currentColor");
        String shaded = phases(svg, u.phases(), xMax);
        grid(svg, xMax, cpu, mem);
        svg.close();
        line(svg, samples, xMax, UtilizationSample::processCpuPercentOfOneCore, cpu, TOP, CPU_H, CPU, null, "cpu",
                "Process CPU per interval (% of one core)");
        line(svg, samples, xMax, s -> s.rssBytes() < 0 ? Double.NaN : s.rssBytes() / MIB, mem, MEM_TOP, MEM_H, RSS,
                null, "rss", "Resident set size (MiB)");
        line(svg, samples, xMax, s -> s.heapUsedBytes() < 0 ? Double.NaN : s.heapUsedBytes() / MIB, mem, MEM_TOP,
                MEM_H, HEAP, "5 3", "heap", "JVM heap in use (MiB)");
        legend(svg, shaded);
        return svg.finish();
    }

    private static double px(double t, double xMax) {
        return LEFT + Math.max(0, Math.min(t, xMax)) / xMax * PLOT_W;
    }

    private static double max(List<UtilizationSample> samples, ToDoubleFunction<UtilizationSample> metric) {
        return samples.stream().mapToDouble(metric).filter(v -> Double.isFinite(v) && v >= 0).max().orElse(0);
    }

    /** Marks each phase and shades all but the measurement; returns the shaded phases' names, or null. */
    private static String phases(Svg svg, List<PhaseMark> marks, double xMax) {
        java.util.LinkedHashSet<String> shaded = new java.util.LinkedHashSet<>();
        int shade = 0;
        for (int i = 0; i < marks.size(); i++) {
            PhaseMark m = marks.get(i);
            if (!Double.isFinite(m.tSeconds())) {
                continue;
            }
            double from = px(m.tSeconds(), xMax);
            double to = i + 1 < marks.size() && Double.isFinite(marks.get(i + 1).tSeconds())
                    ? px(marks.get(i + 1).tSeconds(), xMax) : px(xMax, xMax);
            if (to <= from) {
                continue;
            }
            if (!MEASUREMENT.equals(m.phase())) {
                shaded.add(m.phase());
                svg.open("rect", "x", from, "y", TOP, "width", to - from, "height", MEM_TOP + MEM_H - TOP,
                        "fill", "currentColor", "fill-opacity", shade++ % 2 == 0 ? 0.12 : 0.06);
                svg.element("title", m.phase() + " from " + NiceScale.label(Math.round(m.tSeconds() * 10) / 10.0)
                        + " s");
                svg.close();
            }
            svg.empty("line", "x1", from, "x2", from, "y1", TOP - 2, "y2", MEM_TOP + MEM_H, "stroke", "currentColor",
                    "stroke-opacity", 0.5, "stroke-dasharray", "2 2");
            // The name above the plot, when the band is wide enough for it (about 6.5 units a character).
            String name = m.phase();
            if (name.length() * 6.5 + 6 > to - from) {
                name = to - from >= 16 ? name.substring(0, 1) + "…" : null;
            }
            if (name != null) {
                svg.element("text", name, "x", from + 3, "y", TOP - 5, "font-size", 11, "fill-opacity", 0.8);
            }
        }
        return shaded.isEmpty() ? null : String.join(", ", shaded);
    }

    private static void grid(Svg svg, double xMax, NiceScale cpu, NiceScale mem) {
        for (double t : cpu.ticks()) {
            double py = TOP + CPU_H - t / cpu.max() * CPU_H;
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
        for (double t : mem.ticks()) {
            double py = MEM_TOP + MEM_H - t / mem.max() * MEM_H;
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
        NiceScale steps = NiceScale.covering(xMax, 6);
        for (double t : steps.ticks()) {
            if (t > xMax + 1e-9) {
                break;
            }
            double px = px(t, xMax);
            svg.empty("line", "x1", px, "x2", px, "y1", MEM_TOP + MEM_H, "y2", MEM_TOP + MEM_H + 4,
                    "stroke", "currentColor", "stroke-opacity", 0.6);
            svg.element("text", NiceScale.label(t), "x", px, "y", MEM_TOP + MEM_H + 17, "text-anchor", "middle");
        }
        svg.element("text", "CPU (% of one core)", "x", 0, "y", 0, "text-anchor", "middle", "font-size", 12,
                "transform", "translate(14 " + Svg.num(TOP + CPU_H / 2) + ") rotate(-90)");
        svg.element("text", "Memory (MiB)", "x", 0, "y", 0, "text-anchor", "middle", "font-size", 12,
                "transform", "translate(14 " + Svg.num(MEM_TOP + MEM_H / 2) + ") rotate(-90)");
        svg.element("text", "Time since sampling started (s)", "x", LEFT + PLOT_W / 2, "y", HEIGHT - 8,
                "text-anchor", "middle", "font-size", 12.5);
    }

    private static void line(Svg svg, List<UtilizationSample> samples, double xMax,
                             ToDoubleFunction<UtilizationSample> metric, NiceScale y, double top, double height,
                             String colour, String dash, String name, String title) {
        StringBuilder d = new StringBuilder();
        boolean run = false;
        for (UtilizationSample s : samples) {
            double v = metric.applyAsDouble(s);
            if (!Double.isFinite(v) || v < 0 || !Double.isFinite(s.tSeconds())) {
                run = false;
                continue;
            }
            double py = top + height - Math.min(v, y.max()) / y.max() * height;
            d.append(d.length() == 0 ? "M" : run ? " L" : " M").append(Svg.num(px(s.tSeconds(), xMax))).append(' ')
                    .append(Svg.num(py));
            run = true;
        }
        if (d.length() == 0) {
            return;
        }
        svg.open("g");
        svg.element("title", title);
        svg.empty("path", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", 2,
                "stroke-linejoin", "round", "stroke-dasharray", dash, "class", name);
        svg.close();
    }

    private static void legend(Svg svg, String shaded) {
        svg.open("g", "font-size", 12, "fill", "currentColor");
        double x = LEFT;
        double cy = 13;
        svg.empty("line", "x1", x, "x2", x + 22, "y1", cy - 4, "y2", cy - 4, "stroke", CPU, "stroke-width", 2.5,
                "class", "cpu");
        svg.element("text", "CPU", "x", x + 27, "y", cy);
        x += 64;
        svg.empty("line", "x1", x, "x2", x + 22, "y1", cy - 4, "y2", cy - 4, "stroke", RSS, "stroke-width", 2.5);
        svg.element("text", "RSS", "x", x + 27, "y", cy);
        x += 64;
        svg.empty("line", "x1", x, "x2", x + 22, "y1", cy - 4, "y2", cy - 4, "stroke", HEAP, "stroke-width", 2.5,
                "stroke-dasharray", "5 3");
        svg.element("text", "heap used", "x", x + 27, "y", cy);
        x += 96;
        if (shaded != null) {
            svg.empty("rect", "x", x, "y", cy - 10, "width", 12, "height", 12, "fill", "currentColor",
                    "fill-opacity", 0.15);
            String text = shaded + " (not measured)";
            svg.element("text", text.length() > 34 ? "before the measurement" : text, "x", x + 17, "y", cy);
        }
        svg.close();
    }
}
