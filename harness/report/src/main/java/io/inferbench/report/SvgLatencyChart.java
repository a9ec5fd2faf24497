package io.inferbench.report;

import java.util.List;

/**
 * The latency percentile distribution chart: one line per configuration, latency (ms, linear)
 * against percentile on HdrHistogram's log {@code 1/(1−p)} axis (0%, 90%, 99%, 99.9% ...), with
 * a legend and axis titles. Each series is exactly one {@code <path>}; axes and grid are lines.
 * Text colours follow the page ({@code currentColor}), so the chart works in dark mode.
 */
final class SvgLatencyChart {
    private static final double WIDTH = 900;
    private static final double HEIGHT = 380;
    private static final double LEFT = 64;
    private static final double RIGHT = 24;
    private static final double TOP = 16;
    private static final double BOTTOM = 56;
    private static final int MIN_DECADES = 2;
    private static final int MAX_DECADES = 6;
    private static final int LEGEND_CHARS = 60;

    /**
     * One line of the chart.
     *
     * @param label  legend text
     * @param colour stroke colour
     * @param dash   stroke dash pattern, empty for solid
     * @param curve  the points
     */
    record Series(String label, String colour, String dash, PercentileCurve curve) {
    }

    private SvgLatencyChart() {
    }

    /** The chart as an {@code <svg>} element; series without points are left out. */
    static String render(List<Series> all) {
        List<Series> series = all.stream().filter(s -> !s.curve().points().isEmpty()).toList();
        Svg svg = new Svg(WIDTH, HEIGHT, "chart latency-chart",
                "Latency percentile distribution: latency in milliseconds against percentile, log scale");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        if (series.isEmpty()) {
            svg.element("text", "No successful measurement to plot.", "x", WIDTH / 2, "y", HEIGHT / 2,
                    "text-anchor", "middle", "fill", "currentColor");
            return svg.finish();
        }
        int decades = series.stream().mapToInt(s -> s.curve().decades()).max().orElse(MIN_DECADES);
        decades = Math.max(MIN_DECADES, Math.min(MAX_DECADES, decades));
        int finalDecades = decades;
        NiceScale y = NiceScale.covering(
                series.stream().mapToDouble(s -> s.curve().maxMsUpTo(finalDecades)).max().orElse(1), 5);

        svg.open("g", "font-size", 12, "fill", "currentColor");
        for (double t : y.ticks()) {
            double py = TOP + plotH - t / y.max() * plotH;
            svg.empty("line", "x1", LEFT, "x2", LEFT + plotW, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 8, "y", py + 4, "text-anchor", "end");
        }
        for (int d = 0; d <= decades; d++) {
            double px = LEFT + (double) d / decades * plotW;
            svg.empty("line", "x1", px, "x2", px, "y1", TOP, "y2", TOP + plotH, "stroke", "currentColor",
                    "stroke-opacity", d == 0 ? 0.6 : 0.15);
            svg.element("text", PercentileCurve.tickLabel(d), "x", px, "y", TOP + plotH + 18,
                    "text-anchor", d == 0 ? "start" : d == decades ? "end" : "middle");
        }
        svg.element("text", "Percentile (log scale of 1/(1−p): each step is ten times rarer)",
                "x", LEFT + plotW / 2, "y", HEIGHT - 10, "text-anchor", "middle", "font-size", 13);
        svg.element("text", "Latency (ms)", "x", 0, "y", 0, "text-anchor", "middle", "font-size", 13,
                "transform", "translate(16 " + Svg.num(TOP + plotH / 2) + ") rotate(-90)");
        svg.close();

        for (Series s : series) {
            svg.open("path", "d", pathData(s.curve(), decades, y, plotW, plotH), "fill", "none",
                    "stroke", s.colour(), "stroke-width", 2.25, "stroke-linejoin", "round",
                    "stroke-dasharray", s.dash().isEmpty() ? null : s.dash());
            svg.element("title", s.label());
            svg.close();
        }
        legend(svg, series);
        return svg.finish();
    }

    private static String pathData(PercentileCurve curve, int decades, NiceScale y, double plotW, double plotH) {
        StringBuilder d = new StringBuilder();
        for (PercentileCurve.Point p : curve.points()) {
            double x = PercentileCurve.position(p.percentile());
            if (x > decades) {
                break;
            }
            double px = LEFT + x / decades * plotW;
            double py = TOP + plotH - Math.min(p.ms(), y.max()) / y.max() * plotH;
            d.append(d.length() == 0 ? "M" : " L").append(Svg.num(px)).append(' ').append(Svg.num(py));
        }
        return d.toString();
    }

    private static void legend(Svg svg, List<Series> series) {
        double x = LEFT + 14;
        double rowH = 20;
        double longest = series.stream().mapToInt(s -> shorten(s.label()).length()).max().orElse(10);
        double boxW = 44 + longest * 6.6;
        svg.open("g", "class", "legend", "font-size", 12);
        svg.empty("rect", "x", x - 8, "y", TOP + 8, "width", boxW, "height", series.size() * rowH + 10,
                "rx", 4, "fill", "Canvas", "fill-opacity", 0.85, "stroke", "currentColor", "stroke-opacity", 0.2);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double cy = TOP + 8 + 15 + i * rowH;
            svg.empty("line", "x1", x, "x2", x + 26, "y1", cy - 4, "y2", cy - 4, "stroke", s.colour(),
                    "stroke-width", 3, "stroke-dasharray", s.dash().isEmpty() ? null : s.dash());
            svg.open("text", "x", x + 34, "y", cy, "fill", "currentColor");
            svg.element("title", s.label());
            svg.text(shorten(s.label()));
            svg.close();
        }
        svg.close();
    }

    private static String shorten(String label) {
        return label.length() <= LEGEND_CHARS ? label : label.substring(0, LEGEND_CHARS - 1) + "…";
    }
}
