package io.inferbench.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tiny SVG writer that cannot emit unescaped text: every attribute value and text node goes
 * through {@link #escape}, and element and attribute names must be plain identifiers. The report
 * inserts its output unescaped (Thymeleaf {@code th:utext}), which is safe only because of that.
 *
 * <p>Not thread-safe; one instance per chart. Numbers are written in the root locale with at most
 * two decimals.
 */
final class Svg {
    /** The SVG namespace: the only absolute URL the report contains. */
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
    /** Names already checked against {@link #NAME}: the check is per attribute, so it must be cheap. */
    private static final java.util.Set<String> KNOWN_NAMES = java.util.Set.of("svg", "g", "line", "rect", "path",
            "circle", "text", "title", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "width", "height",
            "fill", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "fill-opacity", "class",
            "text-anchor", "font-size", "font-weight", "transform", "rx", "viewBox", "xmlns", "role", "aria-label");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /**
     * Starts an {@code <svg>} of the given size in user units, scaled to its container, with an
     * accessible name ({@code role="img"}, {@code aria-label} and a {@code <title>}).
     */
    Svg(double width, double height, String cssClass, String label) {
        open("svg", "xmlns", NAMESPACE, "viewBox", "0 0 " + num(width) + " " + num(height),
                "class", cssClass, "role", "img", "aria-label", label);
        element("title", label);
    }

    /** Opens an element; {@code attributes} are name, value pairs (null values are left out). */
    Svg open(String tag, Object... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element. */
    Svg close() {
        if (open.size() <= 1) {
            throw new IllegalStateException("no element to close inside <svg>");
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes an element without content, e.g. {@code <line .../>}. */
    Svg empty(String tag, Object... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /** Writes an element holding only escaped text, e.g. a {@code <text>} or {@code <title>}. */
    Svg element(String tag, String text, Object... attributes) {
        start(tag, attributes);
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** Writes escaped text into the innermost open element. */
    Svg text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Closes the {@code <svg>} and returns the markup. The writer cannot be used afterwards. */
    String finish() {
        if (open.size() != 1) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        out.append("</").append(open.pop()).append('>');
        return out.toString();
    }

    /** Escapes text for an HTML or XML text node or a quoted attribute value. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' '); // control characters are not allowed in XML
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * A coordinate or length: at most two decimals (half up, away from zero), no trailing zeros,
     * root locale. Hand-rolled: charts hold thousands of numbers, and String.format dominated the
     * cost of a 200-run site.
     */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite coordinate: " + v);
        }
        double a = Math.abs(v);
        if (a >= 1e15) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        double scaled = a * 100;
        long hundredths = Math.round(scaled);
        if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) {
            // Near a tie, a * 100 may have rounded across it: decide on the exact binary value, half up.
            hundredths = new java.math.BigDecimal(a).setScale(2, java.math.RoundingMode.HALF_UP).unscaledValue()
                    .longValueExact();
        }
        if (hundredths == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(12);
        if (v < 0) {
            b.append('-');
        }
        b.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            b.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                b.append(frac % 10);
            }
        }
        return b.toString();
    }

    private void start(String tag, Object... attributes) {
        if (open.isEmpty() && !tag.equals("svg")) {
            throw new IllegalStateException("the <svg> element is finished");
        }
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name, value pairs");
        }
        out.append('<').append(checkName(tag));
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            String text = value instanceof Number n ? num(n.doubleValue()) : value.toString();
            out.append(' ').append(checkName(String.valueOf(attributes[i])))
                    .append("=\"").append(escape(text)).append('"');
        }
    }

    private static String checkName(String name) {
        if (!KNOWN_NAMES.contains(name) && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an SVG name: " + name);
        }
        return name;
    }
}
