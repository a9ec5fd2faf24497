package io.inferbench.api.optimize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one step did to a model: its settings, the time it took, the serialized size before and after,
 * each node it rewrote, each candidate node it left alone with the reason, and (pruning) the sparsity reached.
 *
 * @param step              the step with its settings
 * @param took              wall time of the rewrite (not of reading or writing files)
 * @param sizeBeforeBytes   the model's serialized size before the step
 * @param sizeAfterBytes    ... and after
 * @param changed           nodes rewritten, in graph order
 * @param leftAlone         candidate nodes not rewritten, each with why
 * @param achievedSparsity  the fraction of zeros in the pruned weights; empty for other steps
 */
public record StepReport(OptimizationStep step, Duration took, long sizeBeforeBytes, long sizeAfterBytes,
                         List<ChangedNode> changed, List<LeftAlone> leftAlone, OptionalDouble achievedSparsity) {
    public StepReport {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(took, "took");
        changed = List.copyOf(changed);
        leftAlone = List.copyOf(leftAlone);
        Objects.requireNonNull(achievedSparsity, "achievedSparsity");
    }

    /** A node the step rewrote: its name, operator and what it became. */
    public record ChangedNode(String name, String opType, String became) {
    }

    /** A node the step could have rewritten but did not, and why. */
    public record LeftAlone(String name, String opType, String reason) {
    }

    /** The report as console lines: a summary line, then one line per changed node and per node left alone. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s (%s): %s -> %s in %d ms; %d node(s) changed, %d left alone%s",
                step.key(), step.settings(), megabytes(sizeBeforeBytes), megabytes(sizeAfterBytes), took.toMillis(),
                changed.size(), leftAlone.size(), achievedSparsity.isPresent()
                        ? String.format(Locale.ROOT, "; achieved sparsity %.4f", achievedSparsity.getAsDouble()) : ""));
        for (ChangedNode c : changed) {
            lines.add("  changed " + c.name() + " (" + c.opType() + "): " + c.became());
        }
        for (LeftAlone l : leftAlone) {
            lines.add("  left alone " + l.name() + " (" + l.opType() + "): " + l.reason());
        }
        return lines;
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
