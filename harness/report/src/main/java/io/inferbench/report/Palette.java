package io.inferbench.report;

/**
 * Series colours: the Okabe–Ito palette, distinguishable with the common forms of colour
 * blindness, ordered for contrast on both light and dark backgrounds (its black and yellow are
 * left out: one vanishes in dark mode, the other on white). Past seven series the colours repeat
 * with a dash pattern, so every series stays distinguishable without relying on colour alone.
 */
final class Palette {
    private static final String[] COLOURS = {
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#8C6D31", // dark yellow (Okabe–Ito yellow darkened to be visible on white)
    };
    private static final String[] DASHES = {"", "8 4", "2 3", "8 3 2 3"};

    private Palette() {
    }

    /** Colour of the {@code index}-th series (0-based), as {@code #RRGGBB}. */
    static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    /** SVG {@code stroke-dasharray} of the {@code index}-th series; empty for a solid line. */
    static String dash(int index) {
        return DASHES[Math.floorMod(index / COLOURS.length, DASHES.length)];
    }
}
