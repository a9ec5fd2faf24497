package io.inferbench.report;

import java.util.List;

/**
 * Throughput against latency: one point per load level (a peak search's probes, or the steps of a
 * concurrency or rate sweep), joined in load order, so the knee where more load buys latency
 * instead of throughput is visible. For a peak search a dashed line marks the latency objective,
 * probes that met it are green circles and those that missed red crosses (shape and colour, so it
 * reads without colour too), and a ring marks the peak.
 */
final class SvgTradeoffChart {
    /** Bluish green (Okabe–Ito): a probe that met the objective. */
    static final String MET = "#009E73";
    /** Vermillion (Okabe–Ito): a probe that missed it. */
    static final String MISSED = "#D55E00";
    private static final double WIDTH = 900;
    private static final double HEIGHT = 400;
    private static final double LEFT = 66;
    private static final double RIGHT = 28;
    private static final double TOP = 16;
    private static final double BOTTOM = 56;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;
    private static final int LEGEND_CHARS = 48;
    private static final double LEGEND_ROW = 20;
    /** The series colour of a line that should not compete with the markers: the text colour, faded. */
    static final String NEUTRAL = "currentColor";
    private static final String NOT_VALID_TEXT = "measurement not valid (see its verdict)";

    /** How a point is drawn. */
    enum Marker {
        /** Met the objective: a filled green circle. */
        MET,
        /** Missed the objective: a red cross. */
        MISSED,
        /** A valid measurement without an objective: a filled circle in the series colour. */
        VALID,
        /** A measurement that is not valid: a hollow circle in the series colour. */
        NOT_VALID
    }

    /**
     * One point.
     *
     * @param throughputQps x: completed queries per second
     * @param latencyMs     y: the latency percentile
     * @param marker        its marker
     * @param peak          true to ring it as the peak
     * @param tag           a short label drawn beside it (e.g. the concurrency; for the peak, its
     *                      load, drawn above it), or null
     * @param tooltip       the point's figures in words
     */
    record Point(double throughputQps, double latencyMs, Marker marker, boolean peak, String tag, String tooltip) {
    }

    /**
     * One line of points, joined in the order given.
     *
     * @param label  legend text
     * @param colour line colour (and marker colour for {@link Marker#VALID} and {@link Marker#NOT_VALID});
     *               {@code currentColor} for a neutral grey line
     * @param dash   stroke dash pattern, empty for solid
     * @param points the points, in load order
     */
    record Series(String label, String colour, String dash, List<Point> points) {
    }

    /**
     * An objective: a dashed horizontal line.
     *
     * @param ms    its latency
     * @param label e.g. {@code objective p99 ≤ 50 ms}
     */
    record Objective(double ms, String label) {
    }

    private SvgTradeoffChart() {
    }

    /** The chart; points whose coordinates are not finite are left out. */
    static String render(String description, String yTitle, List<Series> series, Objective objective) {
        Svg svg = new Svg(WIDTH, HEIGHT, "chart tradeoff-chart", description);
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).filter(SvgTradeoffChart::finite).toList();
        double yData = all.stream().mapToDouble(Point::latencyMs).max().orElse(1);
        NiceScale x = NiceScale.covering(all.stream().mapToDouble(Point::throughputQps).max().orElse(1) * 1.04, 6);
        NiceScale y = NiceScale.covering(Math.max(yData, objective == null ? 0 : objective.ms() * 1.15) * 1.04, 5);

        svg.open("g", "font-size", 12, "fill", "currentColor");
        for (double t : y.ticks()) {
            double py = py(t, y);
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 8, "y", py + 4, "text-anchor", "end");
        }
        for (double t : x.ticks()) {
            double px = px(t, x);
            svg.empty("line", "x1", px, "x2", px, "y1", TOP, "y2", TOP + PLOT_H, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", px, "y", TOP + PLOT_H + 18, "text-anchor", "middle");
        }
        svg.element("text", "Achieved throughput (queries/s)", "x", LEFT + PLOT_W / 2, "y", HEIGHT - 10,
                "text-anchor", "middle", "font-size", 13);
        svg.element("text", yTitle, "x", 0, "y", 0, "text-anchor", "middle", "font-size", 13,
                "transform", "translate(16 " + Svg.num(TOP + PLOT_H / 2) + ") rotate(-90)");
        if (objective != null) {
            double py = py(objective.ms(), y);
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-width", 1.5, "stroke-dasharray", "7 5", "stroke-opacity", 0.8);
            // Label at the left, where the low loads sit under the objective, unless the legend is there.
            boolean left = py > TOP + legendHeight(series, all, objective) + 24;
            svg.element("text", objective.label(), "x", left ? LEFT + 8 : LEFT + PLOT_W - 6, "y", py - 6,
                    "text-anchor", left ? "start" : "end");
        }
        svg.close();
        for (Series s : series) {
            draw(svg, s, x, y);
        }
        legend(svg, series, all, objective);
        return svg.finish();
    }

    private static boolean finite(Point p) {
        return Double.isFinite(p.throughputQps()) && Double.isFinite(p.latencyMs());
    }

    private static double px(double v, NiceScale x) {
        return LEFT + v / x.max() * PLOT_W;
    }

    private static double py(double v, NiceScale y) {
        return TOP + PLOT_H - Math.min(v, y.max()) / y.max() * PLOT_H;
    }

    private static void draw(Svg svg, Series s, NiceScale x, NiceScale y) {
        List<Point> points = s.points().stream().filter(SvgTradeoffChart::finite).toList();
        if (points.isEmpty()) {
            return;
        }
        StringBuilder d = new StringBuilder();
        for (Point p : points) {
            d.append(d.length() == 0 ? "M" : " L").append(Svg.num(px(p.throughputQps(), x))).append(' ')
                    .append(Svg.num(py(p.latencyMs(), y)));
        }
        svg.open("g");
        svg.element("title", s.label());
        svg.empty("path", "d", d.toString(), "fill", "none", "stroke", s.colour(), "stroke-width", 2,
                "stroke-opacity", NEUTRAL.equals(s.colour()) ? 0.45 : 0.85, "stroke-linejoin", "round", "stroke-dasharray",
                s.dash().isEmpty() ? null : s.dash());
        svg.close();
        for (Point p : points) {
            double cx = px(p.throughputQps(), x);
            double cy = py(p.latencyMs(), y);
            svg.open("g");
            svg.element("title", p.tooltip());
            if (p.peak()) {
                svg.empty("circle", "cx", cx, "cy", cy, "r", 11, "fill", "none", "stroke", "currentColor",
                        "stroke-width", 1.75);
                // Above and to the left: right of the peak are the probes that missed, and the objective's label.
                svg.element("text", p.tag() == null ? "peak" : p.tag(), "x", cx - 10, "y", cy - 15,
                        "text-anchor", "end", "font-size", 12, "font-weight", 600, "fill", "currentColor");
            }
            marker(svg, p.marker(), cx, cy, s.colour());
            if (p.tag() != null && !p.peak()) {
                svg.element("text", p.tag(), "x", cx + 9, "y", cy + 16, "font-size", 11.5, "fill", "currentColor");
            }
            svg.close();
        }
    }

    /** Draws a marker centred on {@code (cx, cy)}; the halo in the page colour keeps it clear of the line. */
    private static void marker(Svg svg, Marker m, double cx, double cy, String colour) {
        switch (m) {
            case MET -> svg.empty("circle", "cx", cx, "cy", cy, "r", 5.5, "fill", MET, "stroke", "Canvas",
                    "stroke-width", 1.5, "class", "halo");
            case MISSED -> {
                double r = 5;
                String d = "M" + Svg.num(cx - r) + " " + Svg.num(cy - r) + " L" + Svg.num(cx + r) + " "
                        + Svg.num(cy + r) + " M" + Svg.num(cx - r) + " " + Svg.num(cy + r) + " L" + Svg.num(cx + r)
                        + " " + Svg.num(cy - r);
                svg.empty("path", "d", d, "stroke", MISSED, "stroke-width", 3, "stroke-linecap", "round");
            }
            case VALID -> svg.empty("circle", "cx", cx, "cy", cy, "r", 5, "fill", colour, "stroke", "Canvas",
                    "stroke-width", 1.5, "class", "halo");
            case NOT_VALID -> svg.empty("circle", "cx", cx, "cy", cy, "r", 4.5, "fill", "Canvas", "stroke", colour,
                    "stroke-width", 2, "class", "hollow");
        }
    }

    /** Height of the legend box, from the top of the plot to its bottom edge. */
    private static double legendHeight(List<Series> series, List<Point> all, Objective objective) {
        return 8 + legendRows(series, all, objective) * LEGEND_ROW + 10;
    }

    private static int legendRows(List<Series> series, List<Point> all, Objective objective) {
        return series.size() + (int) all.stream().map(Point::marker).filter(m -> m != Marker.VALID).distinct().count()
                + (objective != null ? 1 : 0);
    }

    private static void legend(Svg svg, List<Series> series, List<Point> all, Objective objective) {
        boolean met = all.stream().anyMatch(p -> p.marker() == Marker.MET);
        boolean missed = all.stream().anyMatch(p -> p.marker() == Marker.MISSED);
        boolean notValid = all.stream().anyMatch(p -> p.marker() == Marker.NOT_VALID);
        int rows = legendRows(series, all, objective);
        double rowH = LEGEND_ROW;
        double x = LEFT + 14;
        double longest = Math.max(series.stream().mapToInt(s -> shorten(s.label()).length()).max().orElse(0),
                Math.max(objective == null ? 20 : objective.label().length(), notValid ? NOT_VALID_TEXT.length() : 0));
        svg.open("g", "class", "legend", "font-size", 12);
        svg.empty("rect", "x", x - 8, "y", TOP + 8, "width", 44 + Math.max(longest, 24) * 6.6, "height",
                rows * rowH + 10, "rx", 4, "fill", "Canvas", "fill-opacity", 0.85, "stroke", "currentColor",
                "stroke-opacity", 0.2);
        double cy = TOP + 8 + 15;
        for (Series s : series) {
            svg.empty("line", "x1", x, "x2", x + 26, "y1", cy - 4, "y2", cy - 4, "stroke", s.colour(),
                    "stroke-width", 3, "stroke-opacity", NEUTRAL.equals(s.colour()) ? 0.45 : null,
                    "stroke-dasharray", s.dash().isEmpty() ? null : s.dash());
            svg.open("text", "x", x + 34, "y", cy, "fill", "currentColor");
            svg.element("title", s.label());
            svg.text(shorten(s.label()));
            svg.close();
            cy += rowH;
        }
        if (met) {
            marker(svg, Marker.MET, x + 13, cy - 4, null);
            svg.element("text", "met the objective", "x", x + 34, "y", cy, "fill", "currentColor");
            cy += rowH;
        }
        if (missed) {
            marker(svg, Marker.MISSED, x + 13, cy - 4, null);
            svg.element("text", "missed the objective", "x", x + 34, "y", cy, "fill", "currentColor");
            cy += rowH;
        }
        if (notValid) {
            marker(svg, Marker.NOT_VALID, x + 13, cy - 4, "currentColor");
            svg.element("text", NOT_VALID_TEXT, "x", x + 34, "y", cy, "fill", "currentColor");
            cy += rowH;
        }
        if (objective != null) {
            svg.empty("line", "x1", x, "x2", x + 26, "y1", cy - 4, "y2", cy - 4, "stroke", "currentColor",
                    "stroke-width", 1.5, "stroke-dasharray", "7 5");
            svg.element("text", objective.label(), "x", x + 34, "y", cy, "fill", "currentColor");
        }
        svg.close();
    }

    private static String shorten(String label) {
        return label.length() <= LEGEND_CHARS ? label : label.substring(0, LEGEND_CHARS - 1) + "…";
    }
}
