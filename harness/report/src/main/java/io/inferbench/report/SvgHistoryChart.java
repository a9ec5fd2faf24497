package io.inferbench.report;

import io.inferbench.compare.ChangePoints;
import io.inferbench.api.Interval;
import java.util.List;

/**
 * One configuration's latency across runs (oldest left): the median with its 95% CI whiskers as a
 * solid line with dots, p99 dashed, each segment between detected changes shaded as its baseline
 * band (the segment's mean median ± 2 standard deviations, so a run outside the band is unusual
 * for its segment), and each change marked by a vertical line labelled with the relative shift.
 * Runs are evenly spaced in run order (not in time), so a burst of runs on one day stays readable.
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
     * @param tick    short axis label, e.g. the run's date {@code 11-22}
     * @param p50     median latency, ms
     * @param p50Ci   its 95% CI, or null
     * @param p99     p99 latency, ms (NaN when not measured)
     * @param tooltip the point's figures in words
     */
    record Point(String tick, double p50, Interval p50Ci, double p99, String tooltip) {
    }

    private SvgHistoryChart() {
    }

    static String render(String description, String colour, List<Point> points, List<ChangePoints.Change> changes) {
        Svg svg = new Svg(WIDTH, HEIGHT, "chart history-chart", description);
        int n = points.size();
        double max = 0;
        for (Point p : points) {
            max = Math.max(max, Math.max(p.p50(), Double.isFinite(p.p99()) ? p.p99() : 0));
            if (p.p50Ci() != null && Double.isFinite(p.p50Ci().high())) {
                max = Math.max(max, p.p50Ci().high());
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
        svg.element("text", "Latency (ms)", "x", 0, "y", 0, "text-anchor", "middle", "font-size", 13,
                "transform", "translate(16 " + Svg.num(TOP + PLOT_H / 2) + ") rotate(-90)");
        svg.close();

        if (n == 0) {
            svg.element("text", "No measured run of this configuration.", "x", LEFT + 12, "y", TOP + 24,
                    "fill", "currentColor", "font-size", 12);
            return svg.finish();
        }
        bands(svg, points, changes, y);
        for (ChangePoints.Change c : changes) {
            double x = (px(c.index() - 1, n) + px(c.index(), n)) / 2;
            svg.open("g", "class", "change");
            svg.element("title", String.format(java.util.Locale.ROOT, "change at run %d of %d: mean p50 %s → %s ms "
                    + "(%+.1f%%, permutation p = %.3f)", c.index() + 1, n, Formats.ms(c.meanBefore()),
                    Formats.ms(c.meanAfter()), c.relative() * 100, c.pValue()));
            svg.empty("line", "x1", x, "x2", x, "y1", TOP - 4, "y2", TOP + PLOT_H, "stroke", "#D55E00",
                    "stroke-width", 2, "stroke-dasharray", "5 3");
            svg.element("text", String.format(java.util.Locale.ROOT, "%+.1f%%", c.relative() * 100), "x", x + 4,
                    "y", TOP - 8, "font-size", 12, "font-weight", 700, "fill", "currentColor");
            svg.close();
        }
        line(svg, points, n, y, colour, true);
        line(svg, points, n, y, colour, false);
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double cx = px(i, n);
            svg.open("g", "class", "run");
            svg.element("title", p.tooltip());
            Interval ci = p.p50Ci();
            if (ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high()) && ci.high() > ci.low()) {
                svg.empty("line", "x1", cx, "x2", cx, "y1", py(ci.high(), y), "y2", py(ci.low(), y), "stroke", colour,
                        "stroke-width", 1.5);
            }
            svg.empty("circle", "cx", cx, "cy", py(p.p50(), y), "r", n > 60 ? 2 : 3.5, "fill", colour);
            svg.close();
        }
        legend(svg, colour, !changes.isEmpty());
        return svg.finish();
    }

    private static void bands(Svg svg, List<Point> points, List<ChangePoints.Change> changes, NiceScale y) {
        int n = points.size();
        int[] starts = ChangePoints.segmentStarts(changes);
        svg.open("g", "class", "baseline");
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : n;
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += points.get(i).p50();
            }
            mean /= to - from;
            double var = 0;
            for (int i = from; i < to; i++) {
                var += Math.pow(points.get(i).p50() - mean, 2);
            }
            double sd = to - from > 1 ? Math.sqrt(var / (to - from - 1)) : 0;
            double x0 = from == 0 ? LEFT : (px(from - 1, n) + px(from, n)) / 2;
            double x1 = to == n ? LEFT + PLOT_W : (px(to - 1, n) + px(to, n)) / 2;
            double top = py(mean + 2 * sd, y);
            double bottom = py(Math.max(0, mean - 2 * sd), y);
            svg.open("g");
            svg.element("title", "baseline of runs " + (from + 1) + "–" + to + ": mean p50 " + Formats.ms(mean)
                    + " ms ± 2 sd (" + Formats.ms(2 * sd) + " ms)");
            svg.empty("rect", "x", x0, "y", top, "width", Math.max(0, x1 - x0), "height", Math.max(1.5, bottom - top),
                    "fill", "currentColor", "fill-opacity", 0.12);
            svg.empty("line", "x1", x0, "x2", x1, "y1", py(mean, y), "y2", py(mean, y), "stroke", "currentColor",
                    "stroke-opacity", 0.45, "stroke-width", 1);
            svg.close();
        }
        svg.close();
    }

    private static void line(Svg svg, List<Point> points, int n, NiceScale y, String colour, boolean median) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double v = median ? points.get(i).p50() : points.get(i).p99();
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

    private static void legend(Svg svg, String colour, boolean changes) {
        double x = LEFT + 10;
        double yy = 6; // above the plot, clear of the data
        svg.open("g", "class", "legend", "font-size", 12);
        svg.empty("rect", "x", x - 6, "y", yy - 4, "width", changes ? 540 : 410, "height", 22, "rx", 4, "fill",
                "Canvas", "fill-opacity", 0.85, "stroke", "currentColor", "stroke-opacity", 0.2);
        svg.empty("line", "x1", x, "x2", x + 20, "y1", yy + 7, "y2", yy + 7, "stroke", colour, "stroke-width", 2);
        svg.element("text", "p50 (95% CI)", "x", x + 25, "y", yy + 11, "fill", "currentColor");
        svg.empty("line", "x1", x + 110, "x2", x + 130, "y1", yy + 7, "y2", yy + 7, "stroke", colour,
                "stroke-width", 1.5, "stroke-dasharray", "6 4");
        svg.element("text", "p99", "x", x + 135, "y", yy + 11, "fill", "currentColor");
        svg.empty("rect", "x", x + 170, "y", yy + 1, "width", 20, "height", 12, "fill", "currentColor",
                "fill-opacity", 0.2, "stroke", "currentColor", "stroke-opacity", 0.45);
        svg.element("text", "baseline band (mean ± 2 sd)", "x", x + 195, "y", yy + 11, "fill", "currentColor");
        if (changes) {
            svg.empty("line", "x1", x + 400, "x2", x + 400, "y1", yy, "y2", yy + 14, "stroke", "#D55E00",
                    "stroke-width", 2, "stroke-dasharray", "5 3");
            svg.element("text", "detected change", "x", x + 407, "y", yy + 11, "fill", "currentColor");
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
