package io.inferbench.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations as scenario files write them: {@code 500ms}, {@code 10s}, {@code 2m}. */
public final class Durations {
    private static final Pattern P = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)?");

    private Durations() {
    }

    /** Parses {@code 10s}, {@code 250ms}, {@code 1.5m} or a bare number of seconds. */
    public static Optional<Duration> parse(String text) {
        Matcher m = P.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos = v * switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return ms + "ms";
    }
}
