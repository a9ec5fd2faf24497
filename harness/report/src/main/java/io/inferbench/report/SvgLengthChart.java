package io.inferbench.report;

import io.inferbench.api.Interval;
import java.util.List;

/**
 * "Latency by input length": the median latency of each configuration in each input-length bucket,
 * one line per configuration across the buckets (shortest first), each point with its 95% interval
 * as a whisker (dashed when the bucket had too few queries to bound it). A padded configuration
 * draws a flat line — every text costs the sequence length — where an unpadded one climbs.
 */
final class SvgLengthChart {
    private static final double WIDTH = 560;
    private static final double LEFT = 56;
    private static final double RIGHT = 16;
    private static final double TOP = 26;
    private static final double PLOT_H = 220;
    private static final double AXIS = 44;
    private static final double LEGEND_ROW = 18;
    private static final int LABEL_CHARS = 60;

    /** One bucket's point: its median and interval, NaN when the configuration had no query there. */
    record Point(double p50Ms, Interval ci, String text) {
    }

    /** One configuration's line: a point per bucket, in bucket order. */
    record Series(String label, String colour, String dash, List<Point> points) {
    }

    private SvgLengthChart() {
    }

    /**
     * The chart as an {@code <svg>}.
     *
     * @param buckets the x axis, shortest first (e.g. {@code ≤ 16 tokens})
     */
    static String render(String description, List<String> buckets, List<Series> series) {
        double height = TOP + PLOT_H + AXIS + series.size() * LEGEND_ROW + 8;
        Svg svg = new Svg(WIDTH, height, "chart length-chart", description);
        double plotW = WIDTH - LEFT - RIGHT;
        double dataMax = series.stream().flatMap(s -> s.points().stream()).filter(p -> Double.isFinite(p.p50Ms()))
                .mapToDouble(p -> p.ci() != null && Double.isFinite(p.ci().high()) ? Math.max(p.p50Ms(), p.ci().high())
                        : p.p50Ms()).max().orElse(1);
        NiceScale y = NiceScale.covering(dataMax, 4);
        double slot = plotW / Math.max(1, buckets.size());
        svg.open("g", "font-size", 12, "fill", "currentColor");
        for (double t : y.ticks()) {
            double py = TOP + PLOT_H - t / y.max() * PLOT_H;
            svg.empty("line", "x1", LEFT, "x2", LEFT + plotW, "y1", py, "y2", py, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
        for (int i = 0; i < buckets.size(); i++) {
            svg.element("text", buckets.get(i), "x", LEFT + (i + 0.5) * slot, "y", TOP + PLOT_H + 16,
                    "text-anchor", "middle");
        }
        svg.element("text", "input length (the text's own tokens, whatever it was padded to)", "x",
                LEFT + plotW / 2, "y", TOP + PLOT_H + 34, "text-anchor", "middle", "font-size", 13);
        svg.element("text", "p50 (ms)", "x", 4, "y", 12, "font-size", 11);
        for (int s = 0; s < series.size(); s++) {
            // Each series a little to the side, so that whiskers of equal points do not hide each other.
            double offset = series.size() == 1 ? 0 : (s - (series.size() - 1) / 2.0) * Math.min(10, slot / 3
                    / series.size());
            line(svg, series.get(s), slot, offset, y.max());
            legend(svg, series.get(s), TOP + PLOT_H + AXIS + s * LEGEND_ROW + 8);
        }
        if (series.isEmpty()) {
            svg.element("text", "No latency by input length.", "x", LEFT + 8, "y", TOP + PLOT_H / 2);
        }
        svg.close();
        return svg.finish();
    }

    private static void line(Svg svg, Series s, double slot, double offset, double yMax) {
        svg.open("g");
        svg.element("title", s.label());
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.points().size(); i++) {
            Point p = s.points().get(i);
            if (Double.isFinite(p.p50Ms())) {
                d.append(d.isEmpty() ? "M" : " L").append(Svg.num(x(i, slot, offset))).append(' ')
                        .append(Svg.num(y(p.p50Ms(), yMax)));
            }
        }
        if (!d.isEmpty()) {
            svg.empty("path", "d", d.toString(), "fill", "none", "stroke", s.colour(), "stroke-width", 2,
                    "stroke-dasharray", s.dash().isEmpty() ? null : s.dash());
        }
        for (int i = 0; i < s.points().size(); i++) {
            Point p = s.points().get(i);
            if (!Double.isFinite(p.p50Ms())) {
                continue;
            }
            double px = x(i, slot, offset);
            svg.open("g");
            svg.element("title", s.label() + ": " + p.text());
            Interval ci = p.ci();
            if (ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high()) && ci.high() > ci.low()) {
                svg.empty("line", "x1", px, "x2", px, "y1", y(ci.low(), yMax), "y2", y(ci.high(), yMax),
                        "stroke", s.colour(), "stroke-width", 1.5, "stroke-dasharray", ci.bounded() ? null : "3 2");
            }
            svg.empty("circle", "cx", px, "cy", y(p.p50Ms(), yMax), "r", 3.5, "fill", s.colour());
            svg.close();
        }
        svg.close();
    }

    private static void legend(Svg svg, Series s, double y) {
        svg.empty("line", "x1", LEFT, "x2", LEFT + 24, "y1", y - 4, "y2", y - 4, "stroke", s.colour(),
                "stroke-width", 2, "stroke-dasharray", s.dash().isEmpty() ? null : s.dash());
        String label = s.label().length() <= LABEL_CHARS ? s.label() : s.label().substring(0, LABEL_CHARS - 1) + "…";
        svg.element("text", label, "x", LEFT + 32, "y", y);
    }

    private static double x(int bucket, double slot, double offset) {
        return LEFT + (bucket + 0.5) * slot + offset;
    }

    private static double y(double ms, double yMax) {
        return TOP + PLOT_H - Math.max(0, ms) / yMax * PLOT_H;
    }
}
