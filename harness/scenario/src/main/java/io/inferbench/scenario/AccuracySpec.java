package io.inferbench.scenario;

import io.inferbench.api.accuracy.AccuracyTaskSpec;

import java.util.List;

/**
 * The scenario's {@code accuracy:} block: task accuracy measured on every configuration after its
 * measurement (MLPerf's accuracy mode, outside any timed region), and the configuration the others'
 * accuracy drop is measured against.
 *
 * @param reference  the reference configuration: an id ({@code c01}), a label
 *                   ({@code precision=fp32 threads=1}) or axis values that pick the first matching
 *                   configuration ({@code precision=fp32}); null for the first configuration
 * @param confidence confidence level of every interval, e.g. 0.95
 * @param tasks      the tasks, in order; the first one's first metric is "the" accuracy of a
 *                   configuration (recommendations and Pareto front use it); may be empty when only
 *                   {@code agreement} is set
 * @param agreement  how output agreement is captured ({@code accuracy.agreement}); {@link AgreementSpec#DEFAULT}
 *                   without the key
 */
public record AccuracySpec(String reference, double confidence, List<AccuracyTaskSpec> tasks,
                           AgreementSpec agreement) {
    public AccuracySpec {
        tasks = List.copyOf(tasks);
        agreement = agreement == null ? AgreementSpec.DEFAULT : agreement;
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** Without {@code agreement:} settings. */
    public AccuracySpec(String reference, double confidence, List<AccuracyTaskSpec> tasks) {
        this(reference, confidence, tasks, AgreementSpec.DEFAULT);
    }

    /** The agreement settings of a scenario's accuracy block, {@link AgreementSpec#DEFAULT} without one. */
    public static AgreementSpec agreementOf(AccuracySpec accuracy) {
        return accuracy == null ? AgreementSpec.DEFAULT : accuracy.agreement();
    }

    /**
     * Whether {@code reference} names this configuration: its id, its label, or {@code axis=value}
     * pairs (space separated) all among its axes, or a bare axis value such as {@code fp32}.
     */
    public static boolean names(String reference, String id, String label, java.util.Map<String, String> axes) {
        if (reference.equals(id) || reference.equals(label)) {
            return true;
        }
        String[] parts = reference.trim().split("\\s+");
        for (String part : parts) {
            int eq = part.indexOf('=');
            boolean ok = eq < 0 ? axes.containsValue(part)
                    : part.substring(eq + 1).equals(axes.get(part.substring(0, eq)));
            if (!ok) {
                return false;
            }
        }
        return parts.length > 0 && !axes.isEmpty();
    }
}
