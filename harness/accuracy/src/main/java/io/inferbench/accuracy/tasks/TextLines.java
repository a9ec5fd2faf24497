package io.inferbench.accuracy.tasks;

import io.inferbench.scenario.UserFiles;
import io.inferbench.scenario.ScenarioLimits;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Text-line images rendered with Java2D, deterministically: seeded words (or lines of a text file),
 * black on white, in several fonts and sizes, cycled so every font and size is used equally.
 * Fonts are loaded from their files (DejaVu, Debian's fonts-dejavu-core), not looked up by family
 * name, so a missing font is an error rather than a silent substitute.
 */
final class TextLines {
    static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF", "/usr/local/share/fonts", "/Library/Fonts", "C:\\Windows\\Fonts");
    /** Everyday words of plain ASCII letters: every character is in PaddleOCR's dictionary. */
    static final List<String> WORDS = List.of("the", "model", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
            "latency", "bench", "river", "paper", "market", "window", "orange", "garden", "number", "station",
            "Monday", "Friday", "April", "London", "Paris", "Berlin", "Tokyo", "invoice", "total", "price", "order",
            "green", "yellow", "seven", "twelve", "summer", "winter", "coffee", "table", "street", "house", "music",
            "letter", "office", "mobile", "camera", "ticket", "signal", "planet", "silver", "golden", "simple",
            "2024", "15", "300", "42", "No", "Box", "Road", "Hotel", "Bank", "Park", "City", "North", "South");

    /** One rendered line. */
    record Line(String text, BufferedImage image, String font, int size) {
    }

    private TextLines() {
    }

    /** Loads each font file by name (e.g. {@code DejaVuSans.ttf}) from the usual font folders. */
    static List<Font> fonts(List<String> files) throws IOException {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        List<Font> fonts = new ArrayList<>();
        for (String name : files) {
            Path found = null;
            for (String dir : FONT_DIRS) {
                Path p = Path.of(dir).resolve(name);
                if (Files.isRegularFile(p)) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                throw new IOException("font " + name + " not found in " + FONT_DIRS
                        + " (on Debian/Ubuntu: apt-get install fonts-dejavu-core)");
            }
            try {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, found.toFile()));
            } catch (FontFormatException e) {
                throw new IOException("cannot read font " + found + ": " + e.getMessage(), e);
            }
        }
        return fonts;
    }

    /** The file's lines of text (blank and {@code #} lines skipped), each cut to {@code maxChars}; at least one. */
    static List<String> lines(Path file, int maxChars) throws IOException {
        List<String> lines = UserFiles.readLines(file, ScenarioLimits.MAX_DATA_FILE_BYTES).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.length() > maxChars ? l.substring(0, maxChars).strip() : l).toList();
        if (lines.isEmpty()) {
            throw new IOException(file + " has no lines of text");
        }
        return lines;
    }

    /** {@code count} texts: lines of {@code file} in seeded order, or seeded runs of 2-3 words. */
    static List<String> texts(Path file, int count, long seed, int maxChars) throws IOException {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        if (file != null) {
            List<String> lines = lines(file, maxChars);
            for (int i : Splits.choose(lines.size(), count, seed)) {
                out.add(lines.get(i));
            }
            return out;
        }
        while (out.size() < count) {
            int words = 2 + random.nextInt(2);
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String word = WORDS.get(random.nextInt(WORDS.size()));
                if (b.length() + word.length() + 1 > maxChars && w > 0) {
                    break;
                }
                b.append(w == 0 ? "" : " ").append(word);
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Renders each text; the i-th text gets font {@code i % fonts} and size {@code (i / fonts) % sizes}. */
    static List<Line> render(List<String> texts, List<Font> fonts, List<String> fontNames, int[] sizes) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int f = i % fonts.size();
            int size = sizes[(i / fonts.size()) % sizes.length];
            lines.add(new Line(texts.get(i), render(texts.get(i), fonts.get(f).deriveFont(Font.PLAIN, size)),
                    fontNames.get(f), size));
        }
        return lines;
    }

    /** Black text on white, a margin of a quarter of the font size around the text's ascent and descent. */
    static BufferedImage render(String text, Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        int margin = Math.max(2, font.getSize() / 4);
        int width = fm.stringWidth(text) + 2 * margin;
        int height = fm.getAscent() + fm.getDescent() + 2 * margin;
        pg.dispose();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, margin, margin + fm.getAscent());
        g.dispose();
        return img;
    }

    /** The image turned upside down (rotated by 180°). */
    static BufferedImage rotate180(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, h - 1 - y, img.getRGB(x, y));
            }
        }
        return out;
    }

    /**
     * PaddleOCR's text-line preprocessing: resize to {@code height} keeping the aspect ratio (width at
     * most {@code width}), scale to [-1, 1] ((x / 255 − 0.5) / 0.5), and pad on the right with zeros to
     * {@code width}. Writes CHW (3 × height × width) floats at {@code offset} of {@code out}; channels
     * in BGR order, as PaddleOCR reads images with OpenCV.
     */
    static void normalize(BufferedImage img, int height, int width, float[] out, int offset) {
        double ratio = img.getWidth() / (double) img.getHeight();
        int resized = (int) Math.min(width, Math.ceil(height * ratio));
        BufferedImage scaled = new BufferedImage(resized, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, resized, height, null);
        g.dispose();
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < resized; x++) {
                int rgb = scaled.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int at = offset + y * width + x;
                out[at] = (b / 255f - 0.5f) / 0.5f;
                out[at + plane] = (gr / 255f - 0.5f) / 0.5f;
                out[at + 2 * plane] = (r / 255f - 0.5f) / 0.5f;
            }
        }
    }
}
