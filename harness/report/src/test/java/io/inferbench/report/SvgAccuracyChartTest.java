package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgAccuracyChartTest {
    private static SvgAccuracyChart.Point p(String label, double ms, double accuracy) {
        return new SvgAccuracyChart.Point(label, "#0072B2", ms, accuracy, null, false, false);
    }

    @Test
    void paretoFrontKeepsWhatNothingBeatsOnBoth() {
        List<SvgAccuracyChart.Point> points = SvgAccuracyChart.withFront(List.of(p("fp32", 10, 0.95),
                p("int8", 6, 0.93), p("slow-and-worse", 12, 0.90), p("same-as-fp32-but-slower", 11, 0.95)));
        assertEquals(List.of(true, true, false, false), points.stream().map(SvgAccuracyChart.Point::onFront).toList());
    }

    @Test
    void drawsFrontDominatedAndWhiskers() {
        List<SvgAccuracyChart.Point> points = SvgAccuracyChart.withFront(List.of(
                new SvgAccuracyChart.Point("fp32 <b>", "#0072B2", 10, 1.0, null, false, true),
                new SvgAccuracyChart.Point("int8", "#D55E00", 6, 0.9, new Interval(0.85, 0.94, true), false, false),
                new SvgAccuracyChart.Point("bad", "#009E73", 12, 0.8, new Interval(0.7, 0.88, true), false, false)));
        String svg = SvgAccuracyChart.render("accuracy", "Top-1 agreement", points);
        assertEquals(2, svg.split("class=\"point front\"", -1).length - 1);
        assertEquals(1, svg.split("class=\"point\"", -1).length - 1);
        assertTrue(svg.contains("class=\"front-line\""));
        assertTrue(svg.contains("fp32 &lt;b&gt; (reference)"));
        assertTrue(svg.contains("Median latency (ms)"));
    }

    @Test
    void wilsonIntervalOfAProportion() {
        Interval ci = AccuracyCharts.wilson(1.0, 8);
        assertEquals(1.0, ci.high(), 1e-12);
        assertEquals(0.6756, ci.low(), 1e-3); // 8 of 8: Wilson lower bound 0.676
        Interval half = AccuracyCharts.wilson(0.5, 100);
        assertEquals(0.4038, half.low(), 1e-3);
        assertEquals(0.5962, half.high(), 1e-3);
    }
}
