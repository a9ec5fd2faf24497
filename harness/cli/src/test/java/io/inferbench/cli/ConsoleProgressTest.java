package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.load.Phase;
import io.inferbench.load.ProgressListener.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line's last update, when the measurement's final cut holds no query. */
class ConsoleProgressTest {
    @Test
    void anEmptyLastIntervalShowsThePhasesThroughputAndTheLastMedian() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        progress.onProgress(new Progress(Phase.MEASUREMENT, 5.0, 100_000, 0, 20_000.0, 0.05));
        progress.onProgress(new Progress(Phase.MEASUREMENT, 10.0, 200_000, 0, 0.0, Double.NaN));
        String last = text.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertFalse(last.matches(".*\\| +0\\.0 q/s.*") || last.contains("p50 -"), last);
        assertTrue(last.contains("20,000.0 q/s") || last.contains("20000.0 q/s"), last);
        assertTrue(last.contains("p50 50.0 µs"), last);
    }

    @Test
    void aPhaseWithNoQueryYetStillSaysSo() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        progress.onProgress(new Progress(Phase.MEASUREMENT, 0.0, 0, 0, 0.0, Double.NaN));
        assertTrue(text.toString().contains("0.0 q/s | p50 -"), text.toString());
    }

    @Test
    void theMedianOfTheWarmupIsNotCarriedIntoTheMeasurement() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        progress.onProgress(new Progress(Phase.WARMUP, 5.0, 10, 0, 2.0, 400));
        progress.onProgress(new Progress(Phase.MEASUREMENT, 5.0, 0, 0, 0.0, Double.NaN));
        String last = text.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("p50 -"), last);
    }
}
