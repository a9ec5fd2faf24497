package io.inferbench.result;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sequence lengths a text configuration was fed at: what its latency was measured on.
 *
 * @param padding    {@code max-length}, {@code none}, {@code batch-longest} or {@code buckets[…]}
 * @param fed        per length fed, how many prepared samples (queries) had it, shortest first
 * @param textTokens per token count, how many texts had it before padding, shortest first
 */
public record InputLengths(String padding, List<LengthCount> fed, List<LengthCount> textTokens) {
    /** {@code samples} samples (or texts) of {@code length} tokens. */
    public record LengthCount(int length, int samples) {
    }

    public InputLengths {
        fed = fed == null ? List.of() : List.copyOf(fed);
        textTokens = textTokens == null ? List.of() : List.copyOf(textTokens);
    }

    /** From one length per fed sample and one token count per text. */
    public static InputLengths of(String padding, int[] fedLengths, int[] textTokens) {
        return new InputLengths(padding, counts(fedLengths), counts(textTokens));
    }

    private static List<LengthCount> counts(int[] values) {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int v : values) {
            m.merge(v, 1, Integer::sum);
        }
        return m.entrySet().stream().map(e -> new LengthCount(e.getKey(), e.getValue())).toList();
    }

    /** The median length fed (the lower middle value); 0 when nothing was fed. */
    public int medianFed() {
        int total = fed.stream().mapToInt(LengthCount::samples).sum();
        int seen = 0;
        for (LengthCount c : fed) {
            seen += c.samples();
            if (2 * seen >= total) {
                return c.length();
            }
        }
        return 0;
    }

    /** One line: {@code none: fed 9–27 tokens (median 15) for texts of 7–25}. */
    public String describe() {
        if (fed.isEmpty()) {
            return padding;
        }
        return padding + ": fed " + range(fed) + " tokens (median " + medianFed() + ")"
                + (textTokens.isEmpty() ? "" : ", texts of " + range(textTokens));
    }

    private static String range(List<LengthCount> counts) {
        int lo = counts.get(0).length();
        int hi = counts.get(counts.size() - 1).length();
        return lo == hi ? Integer.toString(lo) : lo + "–" + hi;
    }
}
