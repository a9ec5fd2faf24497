package io.inferbench.accuracy.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding as PaddleOCR's {@code CTCLabelDecode}: the best class per time step, repeats
 * collapsed, the blank dropped. Classes: 0 is the blank, then one per dictionary line, then a space
 * (PaddleOCR's {@code use_space_char}), so a 6,623-line {@code ppocr_keys_v1.txt} gives 6,625.
 */
final class CtcDecoder {
    private final List<String> classes;

    CtcDecoder(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    /** From a dictionary file: blank, its lines, space. */
    static CtcDecoder fromDictionary(Path file) throws IOException {
        List<String> classes = new ArrayList<>();
        classes.add("");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            classes.add(line.replace("\r", "").replace("\n", ""));
        }
        classes.add(" ");
        return new CtcDecoder(classes);
    }

    int classes() {
        return classes.size();
    }

    /**
     * @param scores [steps, classes] scores (probabilities or logits) of one line, row-major from
     *               {@code offset}
     */
    String decode(float[] scores, int offset, int steps) {
        int c = classes.size();
        StringBuilder text = new StringBuilder();
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * c;
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (scores[base + k] > scores[base + best]) {
                    best = k;
                }
            }
            if (best != 0 && best != previous) {
                text.append(classes.get(best));
            }
            previous = best;
        }
        return text.toString();
    }

    /** Levenshtein distance between two strings, by code point. */
    static int editDistance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }
}
