package io.inferbench.scenario;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Heap sizes as {@code -Xmx} takes them ({@code 512m}, {@code 2g}, {@code 1048576}), and the range
 * a child JVM can start with: refused when validating, not when the fork fails to start.
 */
public final class HeapSizes {
    /** Smallest heap a child JVM is given: below this the harness itself cannot run. */
    public static final long MIN_BYTES = 32L << 20;
    /** Largest: 1 TiB (a larger -Xmx is a typo; the JVM refuses what the machine cannot reserve). */
    public static final long MAX_BYTES = 1L << 40;

    private HeapSizes() {
    }

    /** The size in bytes, or empty when {@code text} is not a size or overflows a long. */
    public static OptionalLong bytes(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,18}[kKmMgG]?")) {
            return OptionalLong.empty();
        }
        char last = text.charAt(text.length() - 1);
        int shift = switch (Character.toLowerCase(last)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        try {
            long n = Long.parseLong(digits);
            return n > (Long.MAX_VALUE >> shift) ? OptionalLong.empty() : OptionalLong.of(n << shift);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code 32m}, {@code 1024g}: the bounds as a scenario writes them. */
    public static String describe(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + "g" : (bytes >> 20) + "m";
    }

    /** Whether {@code text} is a size within the range. */
    public static boolean inRange(String text) {
        OptionalLong b = bytes(text);
        return b.isPresent() && b.getAsLong() >= MIN_BYTES && b.getAsLong() <= MAX_BYTES;
    }

    static String expected() {
        return "a heap size as -Xmx takes it between " + describe(MIN_BYTES) + " and " + describe(MAX_BYTES)
                .toLowerCase(Locale.ROOT) + ", e.g. 2g or 512m";
    }
}
