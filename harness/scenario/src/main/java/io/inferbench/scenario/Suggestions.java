package io.inferbench.scenario;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code word}, if it is close enough to be a plausible typo. */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // A third of the length (at least 2 edits) separates typos from different words.
        int limit = Math.max(2, word.length() / 3);
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** " Did you mean 'x'?" or an empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return nearest(word, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    /** Damerau-Levenshtein (optimal string alignment) distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
