package io.inferbench.accuracy.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration samples of {@code scenarios/14-ocr-static-int8.yaml}: text lines rendered as the orientation
 * task renders them (other words than its items: seed {@value #SEED}), each at 0° and 180°, normalized to the
 * classifier's [1, 3, 48, 192] input, as an .npz of one array {@code x} [16, 1, 3, 48, 192] (16 samples of batch 1).
 * To write the scenario's file, run from the repository root: {@value #REGENERATE}
 */
class OcrCalibrationLinesTest {
    static final String REGENERATE = "mvn -B -ntp -o test -pl harness/accuracy -am -Dtest=OcrCalibrationLinesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dinferbench.calibration.write=true";
    static final long SEED = 2024;
    static final int TEXTS = 8;
    private static final Path SCENARIO_FILE = Path.of("../../scenarios/data/ocr-lines-calibration.npz");

    @TempDir
    Path dir;

    @Test
    void rendersLinesBothWaysUpIntoAnNpzOfTheClassifiersInput() throws Exception {
        byte[] npz = npz();
        if (Boolean.getBoolean("inferbench.calibration.write")) {
            Files.write(SCENARIO_FILE, npz);
        }
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(npz))) {
            ZipEntry e = zip.getNextEntry();
            assertEquals("x.npy", e.getName());
            byte[] npy = zip.readAllBytes();
            String header = new String(npy, 10, npy[8] & 0xff | (npy[9] & 0xff) << 8, StandardCharsets.US_ASCII);
            assertTrue(header.contains("'shape': (16, 1, 3, 48, 192)"), header);
            int data = 10 + header.length();
            assertEquals(data + 16 * 3 * 48 * 192 * 4, npy.length);
            ByteBuffer b = ByteBuffer.wrap(npy, data, npy.length - data).order(ByteOrder.LITTLE_ENDIAN);
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            while (b.hasRemaining()) {
                float v = b.getFloat();
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(min < -0.5f && max > 0.99f && max <= 1f, "black text on white, in [-1, 1]: " + min + ".." + max);
        }
        assertTrue(npz.length < 200_000, "white pages compress: " + npz.length + " bytes");
    }

    private static byte[] npz() throws IOException {
        List<String> texts = TextLines.texts(null, TEXTS, SEED, 16);
        List<String> fontNames = List.of(OcrLines.DEFAULT_FONTS.split(","));
        var lines = TextLines.render(texts, TextLines.fonts(fontNames), fontNames, new int[] {20, 28, 36});
        int plane = 3 * OcrOrientationEvaluator.HEIGHT * OcrOrientationEvaluator.WIDTH;
        float[] pixels = new float[2 * TEXTS * plane];
        for (int i = 0; i < 2 * TEXTS; i++) {
            var img = lines.get(i / 2).image();
            TextLines.normalize(i % 2 == 0 ? img : TextLines.rotate180(img), OcrOrientationEvaluator.HEIGHT,
                    OcrOrientationEvaluator.WIDTH, pixels, i * plane);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("x.npy");
            entry.setTime(0); // the same bytes on every run
            zip.putNextEntry(entry);
            writeNpy(zip, pixels, "(16, 1, 3, 48, 192)");
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** NumPy's .npy format 1.0: magic, header length, the header dict padded to 64 bytes, little-endian floats. */
    private static void writeNpy(OutputStream out, float[] values, String shape) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        out.write(b.array());
    }
}
