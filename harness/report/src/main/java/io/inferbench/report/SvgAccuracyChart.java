package io.inferbench.report;

import io.inferbench.api.Interval;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy against latency, one point per configuration: up and to the left is better. The Pareto
 * front (configurations no other one beats on both) is joined by a step line and drawn as filled
 * diamonds; the others are hollow circles, so the front reads without colour. Accuracy whiskers
 * are 95% confidence intervals where the input has one.
 *
 * <p>The vertical axis is zoomed to the data (it does not start at zero): accuracies of compared
 * configurations typically differ in the third decimal, which a zero-based axis would hide. The
 * axis says so in its title.
 */
final class SvgAccuracyChart {
    private static final double WIDTH = 900;
    private static final double HEIGHT = 380;
    private static final double LEFT = 84;
    private static final double RIGHT = 28;
    private static final double TOP = 16;
    private static final double BOTTOM = 56;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;
    private static final int LABEL_CHARS = 44;

    /**
     * One configuration: the chart's whole input, so any accuracy figure (agreement with a
     * reference today, task accuracy later) can feed it.
     *
     * @param label      configuration label
     * @param colour     its series colour
     * @param latencyMs  x: the latency figure (e.g. p50), ms
     * @param accuracy   y: the accuracy figure, in the axis's unit
     * @param ci         95% confidence interval of the accuracy, or null when unknown
     * @param onFront    true when on the Pareto front (see {@link #withFront})
     * @param reference  true for the reference the others are measured against
     */
    record Point(String label, String colour, double latencyMs, double accuracy, Interval ci, boolean onFront,
                 boolean reference) {
        Point onFront(boolean front) {
            return new Point(label, colour, latencyMs, accuracy, ci, front, reference);
        }
    }

    private SvgAccuracyChart() {
    }

    /**
     * The same points with {@code onFront} set: a point is on the front unless another one has
     * lower-or-equal latency and higher-or-equal accuracy, one of them strictly.
     */
    static List<Point> withFront(List<Point> points) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = points.stream().anyMatch(o -> o != p && o.latencyMs() <= p.latencyMs()
                    && o.accuracy() >= p.accuracy()
                    && (o.latencyMs() < p.latencyMs() || o.accuracy() > p.accuracy()));
            out.add(p.onFront(!dominated));
        }
        return out;
    }

    /** The chart; points whose coordinates are not finite are left out. */
    static String render(String description, String accuracyTitle, List<Point> all) {
        List<Point> points = all.stream()
                .filter(p -> Double.isFinite(p.latencyMs()) && Double.isFinite(p.accuracy())).toList();
        Svg svg = new Svg(WIDTH, HEIGHT, "chart accuracy-chart", description);
        NiceScale x = NiceScale.covering(points.stream().mapToDouble(Point::latencyMs).max().orElse(1) * 1.08, 6);
        double lo = points.stream().mapToDouble(p -> p.ci() != null && Double.isFinite(p.ci().low())
                ? Math.min(p.accuracy(), p.ci().low()) : p.accuracy()).min().orElse(0);
        double hi = points.stream().mapToDouble(p -> p.ci() != null && Double.isFinite(p.ci().high())
                ? Math.max(p.accuracy(), p.ci().high()) : p.accuracy()).max().orElse(1);
        double span = Math.max(hi - lo, Math.max(Math.abs(hi), 1e-9) * 1e-3);
        // Round ticks around the data with a margin; agreement and accuracy top out at 1.
        double top = hi <= 1 ? Math.min(1, hi + span * 0.25) : hi + span * 0.25;
        double step = niceStep((top - (lo - span * 0.25)) / 4);
        double yMax = Math.ceil(top / step - 1e-9) * step;
        double yMin = Math.floor((lo - span * 0.25) / step + 1e-9) * step;
        if (yMax - yMin < 2 * step) {
            yMin = yMax - 4 * step;
        }

        svg.open("g", "font-size", 12, "fill", "currentColor");
        DecimalFormat f = format(step);
        for (double v = yMin; v <= yMax + step * 1e-6; v += step) {
            double py = py(v, yMin, yMax);
            svg.empty("line", "x1", LEFT, "x2", LEFT + PLOT_W, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", 0.15);
            svg.element("text", f.format(v), "x", LEFT - 8, "y", py + 4, "text-anchor", "end");
        }
        for (double t : x.ticks()) {
            double px = px(t, x);
            svg.empty("line", "x1", px, "x2", px, "y1", TOP, "y2", TOP + PLOT_H, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", px, "y", TOP + PLOT_H + 18, "text-anchor", "middle");
        }
        svg.element("text", "Median latency (ms), lower is better", "x", LEFT + PLOT_W / 2, "y", HEIGHT - 10,
                "text-anchor", "middle", "font-size", 13);
        svg.element("text", accuracyTitle + " (zoomed axis)", "x", 0, "y", 0, "text-anchor", "middle",
                "font-size", 13, "transform", "translate(16 " + Svg.num(TOP + PLOT_H / 2) + ") rotate(-90)");
        svg.close();

        List<Point> front = points.stream().filter(Point::onFront).sorted(Comparator.comparingDouble(Point::latencyMs))
                .toList();
        if (front.size() > 1) {
            StringBuilder d = new StringBuilder();
            for (Point p : front) {
                double cx = px(p.latencyMs(), x);
                double cy = py(p.accuracy(), yMin, yMax);
                d.append(d.length() == 0 ? "M" + Svg.num(cx) + " " + Svg.num(cy)
                        : " H" + Svg.num(cx) + " V" + Svg.num(cy));
            }
            svg.empty("path", "d", d.toString(), "fill", "none", "stroke", "currentColor", "stroke-width", 1.5,
                    "stroke-dasharray", "6 4", "stroke-opacity", 0.7, "class", "front-line");
        }
        for (int i = 0; i < points.size(); i++) {
            point(svg, points.get(i), i, x, yMin, yMax, f);
        }
        legend(svg, points);
        if (points.isEmpty()) {
            svg.element("text", "No configuration has both an accuracy and a latency.", "x", LEFT + 12,
                    "y", TOP + 24, "fill", "currentColor");
        }
        return svg.finish();
    }

    private static void point(Svg svg, Point p, int index, NiceScale x, double yMin, double yMax, DecimalFormat f) {
        double cx = px(p.latencyMs(), x);
        double cy = py(p.accuracy(), yMin, yMax);
        svg.open("g", "class", p.onFront() ? "point front" : "point");
        svg.element("title", p.label() + ": " + Formats.ms(p.latencyMs()) + ", accuracy " + f.format(p.accuracy())
                + (p.ci() == null ? "" : " (95% CI " + f.format(p.ci().low()) + "–" + f.format(p.ci().high()) + ")")
                + (p.onFront() ? ", on the Pareto front" : "") + (p.reference() ? ", the reference" : ""));
        Interval ci = p.ci();
        if (ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high()) && ci.high() > ci.low()) {
            double top = py(ci.high(), yMin, yMax);
            double bottom = py(ci.low(), yMin, yMax);
            svg.empty("line", "x1", cx, "x2", cx, "y1", top, "y2", bottom, "stroke", p.colour(), "stroke-width", 1.5);
            svg.empty("line", "x1", cx - 5, "x2", cx + 5, "y1", top, "y2", top, "stroke", p.colour(),
                    "stroke-width", 1.5);
            svg.empty("line", "x1", cx - 5, "x2", cx + 5, "y1", bottom, "y2", bottom, "stroke", p.colour(),
                    "stroke-width", 1.5);
        }
        marker(svg, p.onFront(), cx, cy, p.colour());
        // Labels alternate above and below so points at one accuracy do not overprint; near the right edge
        // they extend to the left.
        boolean right = cx > LEFT + PLOT_W * 0.55;
        boolean below = index % 2 == 1 || cy - 10 < TOP + 12;
        double labelY = below ? cy + 20 + (index % 2 == 0 ? 16 : 0) : cy - 10;
        svg.element("text", shorten(p.label()) + (p.reference() ? " (reference)" : ""), "x", right ? cx - 10 : cx + 10,
                "y", labelY, "font-size", 11.5, "fill", "currentColor", "text-anchor", right ? "end" : "start");
        svg.close();
    }

    private static void marker(Svg svg, boolean front, double cx, double cy, String colour) {
        if (front) {
            double r = 7;
            String d = "M" + Svg.num(cx) + " " + Svg.num(cy - r) + " L" + Svg.num(cx + r) + " " + Svg.num(cy) + " L"
                    + Svg.num(cx) + " " + Svg.num(cy + r) + " L" + Svg.num(cx - r) + " " + Svg.num(cy) + " Z";
            svg.empty("path", "d", d, "fill", colour, "stroke", "Canvas", "stroke-width", 1.5, "class", "halo");
        } else {
            svg.empty("circle", "cx", cx, "cy", cy, "r", 5, "fill", "Canvas", "stroke", colour, "stroke-width", 2,
                    "class", "hollow");
        }
    }

    private static void legend(Svg svg, List<Point> points) {
        double x = LEFT + PLOT_W - 300;
        double y = TOP + PLOT_H - 64;
        svg.open("g", "class", "legend", "font-size", 12);
        svg.empty("rect", "x", x - 8, "y", y - 8, "width", 300, "height", 62, "rx", 4, "fill", "Canvas",
                "fill-opacity", 0.85, "stroke", "currentColor", "stroke-opacity", 0.2);
        marker(svg, true, x + 8, y + 8, "currentColor");
        svg.element("text", "on the Pareto front", "x", x + 24, "y", y + 12, "fill", "currentColor");
        marker(svg, false, x + 8, y + 28, "currentColor");
        svg.element("text", "dominated (another is as fast and accurate)", "x", x + 24, "y", y + 32, "fill", "currentColor");
        svg.empty("line", "x1", x, "x2", x + 16, "y1", y + 46, "y2", y + 46, "stroke", "currentColor",
                "stroke-width", 1.5, "stroke-dasharray", "6 4");
        svg.element("text", "the front, joined", "x", x + 24, "y", y + 50, "fill", "currentColor");
        svg.close();
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static DecimalFormat format(double step) {
        int decimals = (int) Math.max(1, Math.min(12, Math.ceil(-Math.log10(step)) + 1));
        return new DecimalFormat("0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static double px(double v, NiceScale x) {
        return LEFT + v / x.max() * PLOT_W;
    }

    private static double py(double v, double min, double max) {
        return TOP + PLOT_H - (v - min) / (max - min) * PLOT_H;
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }
}
