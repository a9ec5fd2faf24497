package io.inferbench.report;

import io.inferbench.result.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Latency and throughput over time for one configuration: p50 and p99 per interval in an upper
 * panel, completed queries per second as one bar per interval in a lower panel, on a shared time
 * axis. The warmup's intervals come first, at negative times in a shaded band ending at 0 where
 * the measurement starts, so drift, JIT warmup, stalls and throttling show, and so does whether
 * the warmup was long enough. Faint lines mark the interval (1 s) boundaries.
 *
 * <p>The p50 line has the class {@code p50} (and its dots {@code p50-dot}) so a page can lighten its
 * dark blue on a dark background.
 *
 * <p>The latency scale fits the measurement; warmup values far above it (a cold start can be
 * 100 times slower) are clipped to the top with a ▲ marker whose tooltip gives the value, so they
 * do not flatten the measurement into the axis.
 */
final class SvgTimelineChart {
    static final String P50 = "#0072B2";
    static final String P99 = "#D55E00";
    static final String QPS = "#009E73";
    private static final double WIDTH = 600;
    private static final double LEFT = 58;
    private static final double RIGHT = 16;
    /** Room above the plot: a legend row, then a row for the warmup band's label. */
    private static final double TOP = 42;
    private static final double LAT_H = 150;
    private static final double GAP = 30;
    private static final double QPS_H = 60;
    private static final double HEIGHT = TOP + LAT_H + GAP + QPS_H + 46;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double QPS_TOP = TOP + LAT_H + GAP;
    /** Warmup values up to this multiple of the measurement's largest stay on the scale. */
    private static final double WARMUP_HEADROOM = 2;
    /** Past this many intervals, boundary lines would merge into a grey wash: leave them out. */
    private static final int MAX_BOUNDARIES = 120;

    /**
     * One phase's intervals, placed on the chart's time axis.
     *
     * @param points the intervals
     * @param shift  seconds added to their times (minus the warmup's length for the warmup)
     * @param warmup whether this is the warmup
     */
    private record Phase(List<TimelinePoint> points, double shift, boolean warmup) {
    }

    private SvgTimelineChart() {
    }

    /**
     * The chart, or null when neither phase has intervals.
     *
     * @param description   accessible name of the chart
     * @param warmup        the warmup's intervals (may be empty)
     * @param warmupSeconds the warmup's wall time; its band spans at least this
     * @param measurement   the measured phase's intervals
     */
    static String render(String description, List<TimelinePoint> warmup, double warmupSeconds,
                         List<TimelinePoint> measurement) {
        if (warmup.isEmpty() && measurement.isEmpty()) {
            return null;
        }
        double span = warmup.isEmpty() ? 0 : Math.max(warmupSeconds, warmup.get(warmup.size() - 1).endSeconds());
        List<Phase> phases = List.of(new Phase(warmup, -span, true), new Phase(measurement, 0, false));
        double xMin = -span;
        double xMax = Math.max(measurement.isEmpty() ? 0 : measurement.get(measurement.size() - 1).endSeconds(),
                xMin + 1e-3);
        double yTop = latencyMax(measurement);
        double warmTop = latencyMax(warmup);
        yTop = yTop == 0 || warmTop <= WARMUP_HEADROOM * yTop ? Math.max(yTop, warmTop) : yTop;
        NiceScale y = NiceScale.covering(yTop, 4);
        double nominal = phases.stream().flatMap(p -> p.points().stream()).mapToDouble(SvgTimelineChart::length)
                .max().orElse(1);
        // The last interval of a phase is cut short; one query in 20 ms reads as 50 q/s. Only full
        // intervals set the scale, short ones are drawn faded and clipped.
        NiceScale q = NiceScale.covering(phases.stream().flatMap(p -> p.points().stream())
                .filter(t -> full(t, nominal)).mapToDouble(TimelinePoint::qps).filter(Double::isFinite).max()
                .orElse(0), 3);
        Axis x = new Axis(xMin, xMax);

        Svg svg = new Svg(WIDTH, HEIGHT, "chart timeline-chart", description);
        svg.open("g", "font-size", 12, "fill", "currentColor");
        if (span > 0) {
            band(svg, x, span);
        }
        grid(svg, x, y, q, phases);
        svg.close();
        for (Phase p : phases) {
            bars(svg, x, q, p, nominal);
        }
        for (Phase p : phases) {
            line(svg, x, y, p, TimelinePoint::p50Ms, P50, null, "p50");
            line(svg, x, y, p, TimelinePoint::p99Ms, P99, "5 3", "p99");
        }
        boolean clipped = offScale(svg, x, y, phases);
        legend(svg, span > 0, clipped);
        return svg.finish();
    }

    /** The time axis: seconds to x. */
    private record Axis(double min, double max) {
        double px(double t) {
            return LEFT + (t - min) / (max - min) * PLOT_W;
        }
    }

    private static double length(TimelinePoint t) {
        return t.endSeconds() - t.startSeconds();
    }

    /** Whether {@code t} lasted (nearly) the nominal interval length. */
    private static boolean full(TimelinePoint t, double nominal) {
        return length(t) >= nominal * 0.99;
    }

    private static double latencyMax(List<TimelinePoint> points) {
        return points.stream().mapToDouble(p -> Double.isFinite(p.p99Ms()) ? p.p99Ms() : p.p50Ms())
                .filter(Double::isFinite).max().orElse(0);
    }

    private static void band(Svg svg, Axis x, double span) {
        double w = x.px(0) - x.px(-span);
        svg.empty("rect", "x", x.px(-span), "y", TOP, "width", w, "height", QPS_TOP + QPS_H - TOP,
                "fill", "currentColor", "fill-opacity", 0.08);
        // Above the plot, not in it: clipped-value markers and the warmup's lines live at the band's top.
        String label = w >= 104 ? "warmup (excluded)" : w >= 44 ? "warmup" : null;
        if (label != null) {
            svg.element("text", label, "x", x.px(-span / 2), "y", TOP - 5, "text-anchor", "middle",
                    "font-size", 11, "fill-opacity", 0.8);
        }
    }

    private static void grid(Svg svg, Axis x, NiceScale y, NiceScale q, List<Phase> phases) {
        int intervals = phases.stream().mapToInt(p -> p.points().size()).sum();
        if (intervals <= MAX_BOUNDARIES) {
            for (Phase p : phases) {
                for (TimelinePoint t : p.points()) {
                    double px = x.px(t.startSeconds() + p.shift());
                    svg.empty("line", "x1", px, "x2", px, "y1", TOP, "y2", TOP + LAT_H, "stroke", "currentColor",
                            "stroke-opacity", 0.07);
                }
            }
        }
        for (double t : y.ticks()) {
            double py = TOP + LAT_H - t / y.max() * LAT_H;
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
        for (double t : q.ticks()) {
            double py = QPS_TOP + QPS_H - t / q.max() * QPS_H;
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
        NiceScale steps = NiceScale.covering(x.max() - x.min(), 6);
        for (double t = Math.ceil(x.min() / steps.step() - 1e-9) * steps.step(); t <= x.max() + 1e-9;
             t += steps.step()) {
            double px = x.px(t);
            double v = Math.abs(t) < 1e-9 ? 0 : t;
            svg.empty("line", "x1", px, "x2", px, "y1", QPS_TOP + QPS_H, "y2", QPS_TOP + QPS_H + 4,
                    "stroke", "currentColor", "stroke-opacity", 0.6);
            svg.element("text", NiceScale.label(v).replace('-', '−'), "x", px, "y", QPS_TOP + QPS_H + 17,
                    "text-anchor", "middle");
        }
        if (x.min() < 0) {
            // Where the measurement starts: everything left of it is excluded from every figure.
            svg.empty("line", "x1", x.px(0), "x2", x.px(0), "y1", TOP, "y2", QPS_TOP + QPS_H,
                    "stroke", "currentColor", "stroke-opacity", 0.55, "stroke-dasharray", "2 2");
        }
        svg.element("text", "Latency (ms)", "x", 0, "y", 0, "text-anchor", "middle", "font-size", 12,
                "transform", "translate(14 " + Svg.num(TOP + LAT_H / 2) + ") rotate(-90)");
        svg.element("text", "Throughput (queries/s)", "x", LEFT + 4, "y", QPS_TOP - 6, "font-size", 12);
        svg.element("text", "Time since the measurement started (s)", "x", LEFT + PLOT_W / 2, "y", HEIGHT - 8,
                "text-anchor", "middle", "font-size", 12.5);
    }

    private static void bars(Svg svg, Axis x, NiceScale q, Phase p, double nominal) {
        if (p.points().isEmpty()) {
            return;
        }
        double opacity = p.warmup() ? 0.4 : 0.8;
        svg.open("g", "fill", QPS, "fill-opacity", opacity);
        svg.element("title", (p.warmup() ? "Warmup" : "Measured") + " throughput per interval");
        for (TimelinePoint t : p.points()) {
            if (!Double.isFinite(t.qps()) || t.qps() <= 0) {
                continue;
            }
            double x0 = x.px(t.startSeconds() + p.shift());
            double x1 = x.px(t.endSeconds() + p.shift());
            // A one-unit gap between bars shows each interval, unless the bars are too thin to spare it.
            double gap = x1 - x0 >= 4 ? 1 : 0;
            double h = Math.min(t.qps(), q.max()) / q.max() * QPS_H;
            svg.empty("rect", "x", x0 + gap / 2, "y", QPS_TOP + QPS_H - h, "width", Math.max(0.5, x1 - x0 - gap),
                    "height", h, "fill-opacity", full(t, nominal) ? null : opacity / 2);
        }
        svg.close();
    }

    private static void line(Svg svg, Axis x, NiceScale y, Phase p, ToDoubleFunction<TimelinePoint> metric,
                             String colour, String dash, String name) {
        StringBuilder d = new StringBuilder();
        List<double[]> lonely = new ArrayList<>();
        double[] previous = null;
        int run = 0;
        for (TimelinePoint t : p.points()) {
            double v = metric.applyAsDouble(t);
            if (!Double.isFinite(v)) {
                if (run == 1) {
                    lonely.add(previous);
                }
                run = 0;
                continue;
            }
            double px = x.px((t.startSeconds() + t.endSeconds()) / 2 + p.shift());
            double py = TOP + LAT_H - Math.min(v, y.max()) / y.max() * LAT_H;
            d.append(run == 0 ? (d.length() == 0 ? "M" : " M") : " L").append(Svg.num(px)).append(' ')
                    .append(Svg.num(py));
            previous = new double[] {px, py};
            run++;
        }
        if (run == 1) {
            lonely.add(previous);
        }
        if (d.length() == 0) {
            return;
        }
        svg.open("g", "opacity", p.warmup() ? 0.6 : null);
        svg.element("title", (p.warmup() ? "Warmup " : "Measured ") + name + " latency per interval");
        svg.empty("path", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", 2,
                "stroke-linejoin", "round", "stroke-dasharray", dash, "class", name);
        // An interval between two empty ones is a point without a segment: draw it as a dot.
        for (double[] pt : lonely) {
            svg.empty("circle", "cx", pt[0], "cy", pt[1], "r", 2.5, "fill", colour, "class", name + "-dot");
        }
        svg.close();
    }

    private static boolean offScale(Svg svg, Axis x, NiceScale y, List<Phase> phases) {
        boolean any = false;
        for (Phase p : phases) {
            for (TimelinePoint t : p.points()) {
                double v = Math.max(finite(t.p50Ms()), finite(t.p99Ms()));
                if (v > y.max() * 1.0001) {
                    double px = x.px((t.startSeconds() + t.endSeconds()) / 2 + p.shift());
                    svg.open("path", "d", "M" + Svg.num(px - 5) + " " + Svg.num(TOP + 8) + " L" + Svg.num(px) + " "
                            + Svg.num(TOP) + " L" + Svg.num(px + 5) + " " + Svg.num(TOP + 8) + " Z",
                            "fill", "currentColor");
                    svg.element("title", (p.warmup() ? "warmup" : "measured") + " interval at "
                            + NiceScale.label(Math.round((t.startSeconds() + p.shift()) * 10) / 10.0) + " s: p50 "
                            + Formats.ms(t.p50Ms()) + " ms, p99 " + Formats.ms(t.p99Ms()) + " ms (above the scale)");
                    svg.close();
                    any = true;
                }
            }
        }
        return any;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static void legend(Svg svg, boolean warmup, boolean clipped) {
        svg.open("g", "font-size", 12, "fill", "currentColor");
        double x = LEFT;
        double cy = 13;
        svg.empty("line", "x1", x, "x2", x + 22, "y1", cy - 4, "y2", cy - 4, "stroke", P50, "stroke-width", 2.5,
                "class", "p50");
        svg.element("text", "p50", "x", x + 27, "y", cy);
        x += 64;
        svg.empty("line", "x1", x, "x2", x + 22, "y1", cy - 4, "y2", cy - 4, "stroke", P99, "stroke-width", 2.5,
                "stroke-dasharray", "5 3");
        svg.element("text", "p99", "x", x + 27, "y", cy);
        x += 64;
        svg.empty("rect", "x", x, "y", cy - 10, "width", 12, "height", 12, "fill", QPS, "fill-opacity", 0.8);
        svg.element("text", "throughput", "x", x + 17, "y", cy);
        x += 96;
        if (warmup) {
            svg.empty("rect", "x", x, "y", cy - 10, "width", 12, "height", 12, "fill", "currentColor",
                    "fill-opacity", 0.15);
            svg.element("text", "warmup, excluded", "x", x + 17, "y", cy);
            x += 132;
        }
        if (clipped) {
            svg.element("text", "▲ above the scale", "x", x, "y", cy);
        }
        svg.close();
    }
}
