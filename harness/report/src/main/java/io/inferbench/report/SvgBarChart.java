package io.inferbench.report;

import io.inferbench.api.Interval;
import java.util.List;

/**
 * A horizontal bar chart with one bar per configuration and, where known, a 95% confidence
 * interval whisker (dashed when the sample was too small to bound the interval). Used for the
 * median latency and the throughput of each configuration.
 */
final class SvgBarChart {
    private static final double WIDTH = 440;
    private static final double ROW = 30;
    private static final double TOP = 8;
    private static final double BOTTOM = 48;
    private static final double RIGHT = 76;
    /** Average width of a 12-unit sans-serif character, generous so long labels are not clipped. */
    private static final double CHAR_WIDTH = 7.1;
    private static final int LABEL_CHARS = 26;

    /**
     * One bar.
     *
     * @param label     configuration label, shortened on the axis (in full in its tooltip)
     * @param value     bar length
     * @param ci        confidence interval for the whisker, or null for none
     * @param valueText the value as printed at the end of the bar
     * @param colour    fill colour
     */
    record Bar(String label, double value, Interval ci, String valueText, String colour) {
    }

    private SvgBarChart() {
    }

    /** The chart as an {@code <svg>}; bars whose value is not finite are left out. */
    static String render(String description, String axisTitle, List<Bar> all) {
        List<Bar> bars = all.stream().filter(b -> Double.isFinite(b.value())).toList();
        double height = TOP + Math.max(1, bars.size()) * ROW + BOTTOM;
        Svg svg = new Svg(WIDTH, height, "chart bar-chart", description);
        int chars = bars.stream().mapToInt(b -> shorten(b.label()).length()).max().orElse(8);
        double left = Math.max(60, Math.min(LABEL_CHARS, chars) * CHAR_WIDTH + 12);
        double plotW = WIDTH - left - RIGHT;
        double plotH = Math.max(1, bars.size()) * ROW;
        double dataMax = bars.stream().mapToDouble(b -> b.ci() != null && Double.isFinite(b.ci().high())
                ? Math.max(b.value(), b.ci().high()) : b.value()).max().orElse(1);
        NiceScale x = NiceScale.covering(dataMax, 4);

        svg.open("g", "font-size", 12, "fill", "currentColor");
        for (double t : x.ticks()) {
            double px = left + t / x.max() * plotW;
            svg.empty("line", "x1", px, "x2", px, "y1", TOP, "y2", TOP + plotH, "stroke", "currentColor",
                    "stroke-opacity", t == 0 ? 0.6 : 0.15);
            svg.element("text", NiceScale.label(t), "x", px, "y", TOP + plotH + 16, "text-anchor", "middle");
        }
        svg.element("text", axisTitle, "x", left + plotW / 2, "y", height - 10, "text-anchor", "middle",
                "font-size", 13);
        for (int i = 0; i < bars.size(); i++) {
            bar(svg, bars.get(i), TOP + i * ROW, left, plotW / x.max());
        }
        if (bars.isEmpty()) {
            svg.element("text", "No successful measurement.", "x", left + 8, "y", TOP + ROW / 2 + 4);
        }
        svg.close();
        return svg.finish();
    }

    private static void bar(Svg svg, Bar b, double rowTop, double left, double scale) {
        double cy = rowTop + ROW / 2;
        svg.open("g");
        svg.element("title", b.label() + ": " + b.valueText());
        svg.element("text", shorten(b.label()), "x", left - 8, "y", cy + 4, "text-anchor", "end");
        svg.empty("rect", "x", left, "y", cy - 8, "width", Math.max(0, b.value() * scale), "height", 16,
                "fill", b.colour(), "rx", 2);
        double end = left + b.value() * scale;
        Interval ci = b.ci();
        if (ci != null && Double.isFinite(ci.low()) && Double.isFinite(ci.high()) && ci.high() > ci.low()) {
            double lo = left + Math.max(0, ci.low()) * scale;
            double hi = left + ci.high() * scale;
            String dash = ci.bounded() ? null : "3 2";
            svg.empty("line", "x1", lo, "x2", hi, "y1", cy, "y2", cy, "stroke", "currentColor",
                    "stroke-width", 1.5, "stroke-dasharray", dash);
            svg.empty("line", "x1", lo, "x2", lo, "y1", cy - 6, "y2", cy + 6, "stroke", "currentColor",
                    "stroke-width", 1.5);
            svg.empty("line", "x1", hi, "x2", hi, "y1", cy - 6, "y2", cy + 6, "stroke", "currentColor",
                    "stroke-width", 1.5);
            end = Math.max(end, hi);
        }
        svg.element("text", b.valueText(), "x", end + 6, "y", cy + 4);
        svg.close();
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }
}
