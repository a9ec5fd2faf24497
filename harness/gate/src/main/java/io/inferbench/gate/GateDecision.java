package io.inferbench.gate;

import java.util.List;
import java.util.stream.Stream;

/**
 * The gate's answer for one night.
 *
 * @param verdicts     one per series: tonight's, in the order the run listed them, then the missing ones
 * @param commonShifts per metric, when the common-mode correction applied: the night's common shift
 * @param tests        how many tests the night's Holm correction was over
 * @param alpha        the family-wise level they were held to
 */
public record GateDecision(List<GateVerdict> verdicts, List<GateVerdict.CommonShift> commonShifts, int tests,
                           double alpha) {
    public GateDecision {
        verdicts = List.copyOf(verdicts);
        commonShifts = List.copyOf(commonShifts);
    }

    /** Every verdict that fails the gate, the common shifts' included. */
    public List<GateVerdict> regressions() {
        return Stream.concat(verdicts.stream(), commonShifts.stream()).filter(GateVerdict::failsGate).toList();
    }

    /** True when nothing regressed. */
    public boolean passed() {
        return regressions().isEmpty();
    }
}
