package io.inferbench.report;

import io.inferbench.api.Interval;
import java.util.List;

/**
 * One configuration's metric across runs (oldest left): the value with its 95% CI whiskers as a
 * solid line with dots, optionally a second figure dashed (p99 beside the median), each segment
 * shaded as its baseline band (the segment's mean ± 2 standard deviations, so a run outside the
 * band is unusual for its segment), each detected change marked by a dashed vertical line labelled
 * with the relative shift, and each change of machine fingerprint by a solid grey line labelled
 * {@code env}, whose tooltip lists what changed. Runs are evenly spaced in run order (not in time),
 * so a burst of runs on one day stays readable.
 */
final class SvgHistoryChart {
    private static final double WIDTH = 900;
    private static final double HEIGHT = 320;
    private static final double LEFT = 66;
    private static final double RIGHT = 24;
    private static final double TOP = 50;
    private static final double BOTTOM = 52;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;

    /**
     * One run's point.
     *
     * @param tick      short axis label, e.g. the run's date {@code 11-22}
     * @param value     the metric, e.g. median latency in ms
     * @param ci        its 95% CI, or null
     * @param secondary the dashed figure (p99 beside the median), NaN when none
     * @param tooltip   the point's figures in words
     */
    record Point(String tick, double value, Interval ci, double secondary, String tooltip) {
    }

    /**
     * What the chart plots.
     *
     * @param axis      y axis title with its unit, e.g. {@code Latency (ms)}
     * @param value     legend of the solid line, e.g. {@code p50 (95% CI)}
     * @param secondary legend of the dashed line, or null when there is none
     */
    record Axis(String axis, String value, String secondary) {
    }

    /**
     * A baseline band over points {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param title its tooltip
     */
    record Band(int from, int to, double mean, double sd, String title) {
    }

    /**
     * A vertical marker just before point {@code index}.
     *
     * @param label the text beside it, e.g. {@code +12.0%} or {@code env}
     * @param title its tooltip
     */
    record Marker(int index, String label, String title) {
    }

    private SvgHistoryChart() {
    }

    static String render(String description, String colour, Axis axis, List<Point> points, List<Band> bands,
                         List<Marker> changes, List<Marker> environment) {
        Svg svg = new Svg(WIDTH, HEIGHT, "chart history-chart", description);
        int n = points.size();
        double max = 0;
        for (Point p : points) {
            max = Math.max(max, Math.max(p.value(), Double.isFinite(p.secondary()) ? p.secondary() : 0));
            if (p.ci() != null && Double.isFinite(p.ci().high())) {
                max = Math.max(max, p.ci().high());
            }
        }
        NiceScale y = NiceScale.covering(max * 1.05, 5);
        svg.open("g", "font-size", 12, "fill", "currentColor");
        for (double t : y.ticks()) {
            double py = py(t, y);
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 8, "y", py + 4, "text-anchor", "end");
        }
        int every = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i += every) {
            svg.element("text", points.get(i).tick(), "x", px(i, n), "y", TOP + PLOT_H + 18, "text-anchor", "middle");
        }
        svg.element("text", "Runs, oldest to newest (" + n + (n == 1 ? " run)" : " runs)"), "x", LEFT + PLOT_W / 2,
                "y", HEIGHT - 10, "text-anchor", "middle", "font-size", 13);
        svg.element("text", axis.axis(), "x", 0, "y", 0, "text-anchor", "middle", "font-size", 13,
                "transform", "translate(16 " + Svg.num(TOP + PLOT_H / 2) + ") rotate(-90)");
        svg.close();

        if (n == 0) {
            svg.element("text", "No measured run of this configuration.", "x", LEFT + 12, "y", TOP + 24,
                    "fill", "currentColor", "font-size", 12);
            return svg.finish();
        }
        bands(svg, bands, n, y);
        for (Marker m : environment) {
            marker(svg, m, n, "environment", "currentColor", null);
        }
        for (Marker m : changes) {
            marker(svg, m, n, "change", "#D55E00", "5 3");
        }
        line(svg, points, n, y, colour, true);
        line(svg, points, n, y, colour, false);
        // The CI whiskers as one path; each point a dot carrying its figures as a tooltip (no group per
        // point: at a year of nights the history pages stay a few MB).
        StringBuilder whiskers = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Interval ci = points.get(i).ci();
            if (ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high()) && ci.high() > ci.low()) {
                String x = Svg.num(px(i, n));
                whiskers.append(whiskers.length() == 0 ? "M" : " M").append(x).append(' ')
                        .append(Svg.num(py(ci.high(), y))).append(" V").append(Svg.num(py(ci.low(), y)));
            }
        }
        if (whiskers.length() > 0) {
            svg.empty("path", "d", whiskers.toString(), "fill", "none", "stroke", colour, "stroke-width", 1.5,
                    "class", "ci");
        }
        svg.open("g", "class", "runs", "fill", colour);
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            svg.open("circle", "cx", px(i, n), "cy", py(p.value(), y), "r", n > 60 ? 2 : 3.5);
            svg.element("title", p.tooltip());
            svg.close();
        }
        svg.close();
        legend(svg, colour, axis, !changes.isEmpty(), !environment.isEmpty());
        return svg.finish();
    }

    private static void marker(Svg svg, Marker m, int n, String cssClass, String stroke, String dash) {
        double x = m.index() <= 0 ? LEFT + 2 : (px(m.index() - 1, n) + px(m.index(), n)) / 2;
        svg.open("g", "class", cssClass);
        svg.element("title", m.title());
        svg.empty("line", "x1", x, "x2", x, "y1", TOP - 4, "y2", TOP + PLOT_H, "stroke", stroke,
                "stroke-width", 2, "stroke-dasharray", dash, "stroke-opacity", dash == null ? 0.55 : null);
        svg.element("text", m.label(), "x", x + 4, "y", dash == null ? TOP + 12 : TOP - 8, "font-size", 12,
                "font-weight", 700, "fill", "currentColor");
        svg.close();
    }

    private static void bands(Svg svg, List<Band> bands, int n, NiceScale y) {
        svg.open("g", "class", "baseline");
        for (Band b : bands) {
            double x0 = b.from() == 0 ? LEFT : (px(b.from() - 1, n) + px(b.from(), n)) / 2;
            double x1 = b.to() == n ? LEFT + PLOT_W : (px(b.to() - 1, n) + px(b.to(), n)) / 2;
            double top = py(b.mean() + 2 * b.sd(), y);
            double bottom = py(Math.max(0, b.mean() - 2 * b.sd()), y);
            svg.open("g");
            svg.element("title", b.title());
            svg.empty("rect", "x", x0, "y", top, "width", Math.max(0, x1 - x0), "height", Math.max(1.5, bottom - top),
                    "fill", "currentColor", "fill-opacity", 0.12);
            svg.empty("line", "x1", x0, "x2", x1, "y1", py(b.mean(), y), "y2", py(b.mean(), y), "stroke", "currentColor",
                    "stroke-opacity", 0.45, "stroke-width", 1);
            svg.close();
        }
        svg.close();
    }

    private static void line(Svg svg, List<Point> points, int n, NiceScale y, String colour, boolean median) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double v = median ? points.get(i).value() : points.get(i).secondary();
            if (!Double.isFinite(v)) {
                continue;
            }
            d.append(d.length() == 0 ? "M" : " L").append(Svg.num(px(i, n))).append(' ').append(Svg.num(py(v, y)));
        }
        if (d.length() > 0) {
            svg.empty("path", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", median ? 2 : 1.5,
                    "stroke-dasharray", median ? null : "6 4", "stroke-opacity", median ? 0.9 : 0.7,
                    "class", median ? "p50-line" : "p99-line");
        }
    }

    private static void legend(Svg svg, String colour, Axis axis, boolean changes, boolean environment) {
        double x = LEFT + 10;
        double yy = 6; // above the plot, clear of the data
        double width = 300 + (axis.secondary() == null ? 0 : 60) + (changes ? 130 : 0) + (environment ? 160 : 0);
        svg.open("g", "class", "legend", "font-size", 12);
        svg.empty("rect", "x", x - 6, "y", yy - 4, "width", width, "height", 22, "rx", 4, "fill",
                "Canvas", "fill-opacity", 0.85, "stroke", "currentColor", "stroke-opacity", 0.2);
        svg.empty("line", "x1", x, "x2", x + 20, "y1", yy + 7, "y2", yy + 7, "stroke", colour, "stroke-width", 2);
        svg.element("text", axis.value(), "x", x + 25, "y", yy + 11, "fill", "currentColor");
        x += 40 + 7 * axis.value().length();
        if (axis.secondary() != null) {
            svg.empty("line", "x1", x, "x2", x + 20, "y1", yy + 7, "y2", yy + 7, "stroke", colour,
                    "stroke-width", 1.5, "stroke-dasharray", "6 4");
            svg.element("text", axis.secondary(), "x", x + 25, "y", yy + 11, "fill", "currentColor");
            x += 60;
        }
        svg.empty("rect", "x", x, "y", yy + 1, "width", 20, "height", 12, "fill", "currentColor",
                "fill-opacity", 0.2, "stroke", "currentColor", "stroke-opacity", 0.45);
        svg.element("text", "baseline band (mean ± 2 sd)", "x", x + 25, "y", yy + 11, "fill", "currentColor");
        x += 225;
        if (changes) {
            svg.empty("line", "x1", x, "x2", x, "y1", yy, "y2", yy + 14, "stroke", "#D55E00",
                    "stroke-width", 2, "stroke-dasharray", "5 3");
            svg.element("text", "detected change", "x", x + 7, "y", yy + 11, "fill", "currentColor");
            x += 130;
        }
        if (environment) {
            svg.empty("line", "x1", x, "x2", x, "y1", yy, "y2", yy + 14, "stroke", "currentColor",
                    "stroke-width", 2, "stroke-opacity", 0.55);
            svg.element("text", "environment change", "x", x + 7, "y", yy + 11, "fill", "currentColor");
        }
        svg.close();
    }

    private static double px(double i, int n) {
        return n <= 1 ? LEFT + PLOT_W / 2 : LEFT + 8 + i / (n - 1) * (PLOT_W - 16);
    }

    private static double py(double v, NiceScale y) {
        return TOP + PLOT_H - Math.min(v, y.max()) / y.max() * PLOT_H;
    }
}
