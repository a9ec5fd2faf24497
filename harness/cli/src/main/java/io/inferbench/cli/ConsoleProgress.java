package io.inferbench.cli;

import io.inferbench.load.Phase;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.run.RunListener;
import io.inferbench.scenario.ConfigurationSpec;
import java.io.PrintWriter;

/**
 * The progress line on the console. On a terminal it rewrites one line per interval; in a log
 * (CI) it prints a line every few seconds so logs stay readable.
 */
final class ConsoleProgress implements RunListener {
    private static final int LOG_EVERY_SECONDS = 5;
    private final PrintWriter out;
    private final boolean terminal;
    private String prefix = "";
    private boolean lineOpen;
    private Phase shownPhase;
    private double lastP50Ms = Double.NaN;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void configurationStarted(int index, int total, ConfigurationSpec spec) {
        shownPhase = null;
        prefix = "[" + index + "/" + total + "] " + spec.label();
        println(prefix + " — " + spec.backend().name() + " on " + spec.hardware().device() + ", "
                + spec.load().describe());
    }

    @Override
    public void step(String what) {
        if (terminal) {
            show(prefix + " | " + what + "...");
        } else if (what.contains("accuracy: ")) {
            // Accuracy mode can take a while with no queries to show: say so in logs too.
            println(prefix + " | " + what);
        }
    }

    @Override
    public synchronized void onProgress(Progress p) {
        if (p.phase() != shownPhase) {
            shownPhase = p.phase();
            lastP50Ms = Double.NaN;
        }
        // The phase's last cut (when it ends) often holds no query: show the phase's own throughput and
        // the last median seen, not "0.0 q/s | p50 -".
        boolean emptyInterval = Double.isNaN(p.lastP50Ms()) && p.queries() > 0;
        double qps = emptyInterval && p.elapsedSeconds() > 0 ? p.queries() / p.elapsedSeconds() : p.lastQps();
        if (!Double.isNaN(p.lastP50Ms())) {
            lastP50Ms = p.lastP50Ms();
        }
        String line = String.format("%s | %-7s %5.1fs | %,7d queries | %8.1f q/s | p50 %s%s", prefix, p.phase().label(),
                p.elapsedSeconds(), p.queries(), qps, ms(lastP50Ms),
                p.errors() > 0 ? " | " + p.errors() + " errors" : "");
        if (terminal) {
            show(line);
        } else if (p.phase() == Phase.MEASUREMENT && Math.round(p.elapsedSeconds()) % LOG_EVERY_SECONDS == 0) {
            println(line);
        }
    }

    @Override
    public void configurationFinished(ConfigurationResult r) {
        if (r.status() == ConfigurationStatus.OK && r.measurement() != null) {
            var m = r.measurement();
            println(String.format("%s | %s: %,d queries in %.1f s, %.1f q/s, p50 %s, p99 %s", prefix,
                    r.verdict().label(), m.queries(), m.durationMs() / 1000, m.throughputQps(),
                    ms(m.latency().valueMs(50)), ms(m.latency().valueMs(99))));
            r.verdict().reasons().forEach(reason -> println("      INVALID: " + reason));
        } else {
            println(prefix + " | " + r.status() + ": " + r.outcome().reason());
        }
        r.accuracy().forEach(a -> println("      accuracy " + io.inferbench.result.AccuracyText.task(a)));
    }

    /** Three significant digits in a unit that suits the value: 41.3 ms, 812 µs, 95 ns. */
    static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        if (ms >= 1) {
            return String.format(ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
        }
        double us = ms * 1000;
        if (us >= 1) {
            return String.format(us >= 100 ? "%.0f µs" : us >= 10 ? "%.1f µs" : "%.2f µs", us);
        }
        return String.format("%.0f ns", us * 1000);
    }

    private synchronized void show(String line) {
        out.print("\r\u001B[2K" + line);
        out.flush();
        lineOpen = true;
    }

    synchronized void println(String line) {
        if (lineOpen) {
            out.print("\r\u001B[2K");
            lineOpen = false;
        }
        out.println(line);
        out.flush();
    }
}
