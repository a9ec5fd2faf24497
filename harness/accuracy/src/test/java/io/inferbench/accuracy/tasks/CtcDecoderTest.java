package io.inferbench.accuracy.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtcDecoderTest {
    /** Classes: 0 blank, 1 'a', 2 'b', 3 'c', 4 space. */
    private static final CtcDecoder DECODER = new CtcDecoder(List.of("", "a", "b", "c", " "));

    private static float[] steps(int... best) {
        float[] v = new float[best.length * 5];
        for (int t = 0; t < best.length; t++) {
            for (int k = 0; k < 5; k++) {
                v[t * 5 + k] = k == best[t] ? 0.9f : 0.025f;
            }
        }
        return v;
    }

    @Test
    void collapsesRepeatsAndDropsBlanks() {
        assertEquals("abc", DECODER.decode(steps(1, 1, 0, 2, 2, 2, 3), 0, 7));
        // A blank between two equal symbols keeps both: that is how CTC spells double letters.
        assertEquals("aa", DECODER.decode(steps(1, 0, 1), 0, 3));
        assertEquals("a", DECODER.decode(steps(1, 1, 1), 0, 3));
        assertEquals("", DECODER.decode(steps(0, 0, 0), 0, 3));
        assertEquals("a b", DECODER.decode(steps(0, 1, 4, 4, 2, 0), 0, 6));
    }

    @Test
    void decodesFromAnOffset() {
        float[] two = new float[30];
        System.arraycopy(steps(1, 2, 3), 0, two, 0, 15);
        System.arraycopy(steps(3, 0, 3), 0, two, 15, 15);
        assertEquals("abc", DECODER.decode(two, 0, 3));
        assertEquals("cc", DECODER.decode(two, 15, 3));
    }

    /** PaddleOCR's layout: blank first, then the dictionary's lines, then the space of use_space_char. */
    @Test
    void dictionaryGetsBlankFirstAndSpaceLast(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "x\ny\nz\n");
        CtcDecoder d = CtcDecoder.fromDictionary(keys);
        assertEquals(5, d.classes());
        float[] v = new float[4 * 5];
        int[] best = {1, 4, 3, 0};
        for (int t = 0; t < 4; t++) {
            v[t * 5 + best[t]] = 1;
        }
        assertEquals("x z", d.decode(v, 0, 4));
    }

    @Test
    void editDistance() {
        assertEquals(0, CtcDecoder.editDistance("kitten", "kitten"));
        assertEquals(3, CtcDecoder.editDistance("kitten", "sitting"));
        assertEquals(5, CtcDecoder.editDistance("", "hello"));
        assertEquals(1, CtcDecoder.editDistance("日本", "日"));
    }
}
