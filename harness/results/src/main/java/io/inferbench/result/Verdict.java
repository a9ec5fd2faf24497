package io.inferbench.result;

import java.util.List;

/**
 * Whether a measurement counts (MLPerf's VALID / INVALID), with every reason it does not.
 *
 * @param valid   true when no rule was broken
 * @param reasons one line per broken rule, e.g. {@code ran 4.1 s < min-duration 10 s}
 */
public record Verdict(boolean valid, List<String> reasons) {
    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(List<String> reasons) {
        return new Verdict(reasons.isEmpty(), reasons);
    }

    public String label() {
        return valid ? "VALID" : "INVALID";
    }
}
