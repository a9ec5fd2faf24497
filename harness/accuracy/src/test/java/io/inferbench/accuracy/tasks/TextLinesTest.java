package io.inferbench.accuracy.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rendered text lines are deterministic and preprocessed as PaddleOCR does. Needs the DejaVu fonts
 * (Debian: fonts-dejavu-core), as the OCR evaluators do.
 */
class TextLinesTest {
    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void renderingIsDeterministic() throws IOException {
        Font font = TextLines.fonts(List.of("DejaVuSans.ttf")).get(0).deriveFont(Font.PLAIN, 28f);
        BufferedImage a = TextLines.render("quick brown fox", font);
        BufferedImage b = TextLines.render("quick brown fox", font);
        assertArrayEquals(pixels(a), pixels(b));
        assertTrue(a.getWidth() > 3 * a.getHeight(), "a line is wide: " + a.getWidth() + " x " + a.getHeight());
        assertTrue(TextLines.render("quick brown fox jumps", font).getWidth() > a.getWidth());
        BufferedImage upsideDown = TextLines.rotate180(a);
        assertNotEquals(java.util.Arrays.hashCode(pixels(a)), java.util.Arrays.hashCode(pixels(upsideDown)));
        assertArrayEquals(pixels(a), pixels(TextLines.rotate180(upsideDown)));
    }

    @Test
    void textsAreSeededAndShort() throws IOException {
        List<String> a = TextLines.texts(null, 30, 7, 16);
        assertEquals(a, TextLines.texts(null, 30, 7, 16));
        assertNotEquals(a, TextLines.texts(null, 30, 8, 16));
        assertTrue(a.stream().allMatch(t -> t.length() <= 16 && t.contains(" ")), a.toString());
    }

    /** Height 48, (x/255 - 0.5)/0.5 so white is 1 and black -1, zero padding on the right. */
    @Test
    void normalizesLikePaddleOcr() throws IOException {
        Font font = TextLines.fonts(List.of("DejaVuSerif.ttf")).get(0).deriveFont(Font.PLAIN, 20f);
        BufferedImage img = TextLines.render("No 42", font);
        int width = 192;
        float[] out = new float[3 * 48 * width];
        TextLines.normalize(img, 48, width, out, 0);
        int resized = (int) Math.ceil(48.0 * img.getWidth() / img.getHeight());
        assertTrue(resized < width, "short line: " + resized);
        float min = 1;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < width; x++) {
                    float v = out[c * 48 * width + y * width + x];
                    assertTrue(v >= -1 && v <= 1, "in [-1, 1]: " + v);
                    if (x >= resized) {
                        assertEquals(0f, v, "padding is zero");
                    }
                    min = Math.min(min, v);
                }
            }
        }
        assertEquals(1f, out[0], 1e-6, "the white margin is 1");
        assertTrue(min < -0.8, "dark text pixels are near -1: " + min);
    }

    @Test
    void aMissingFontSaysHowToInstallIt() {
        IOException e = assertThrows(IOException.class, () -> TextLines.fonts(List.of("NoSuchFont.ttf")));
        assertTrue(e.getMessage().contains("fonts-dejavu-core"), e.getMessage());
    }
}
