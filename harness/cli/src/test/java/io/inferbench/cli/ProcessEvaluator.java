package io.inferbench.cli;

import io.inferbench.api.accuracy.EvaluationContext;
import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.accuracy.Metrics;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.accuracy.AccuracyMetric;
import java.util.List;

/**
 * A user's evaluator, as a plug-in would add one (found through META-INF/services on the test class
 * path): it fits any model and notes the process it ran in, so tests can see where and how often
 * accuracy mode ran, and
 * what the scenario's run.jvm settings made of that JVM.
 */
public final class ProcessEvaluator implements Evaluator {
    /** Set in an in-process run, makes the task fail: what a broken evaluator does. */
    static final String FAIL_PROPERTY = "inferbench.test.fail-accuracy";

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String description() {
        return "notes the process it runs in";
    }

    @Override
    public String unsuitable(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        return null;
    }

    @Override
    public List<AccuracyMetric> evaluate(EvaluationContext context) {
        if (Boolean.getBoolean(FAIL_PROPERTY)) {
            throw new IllegalStateException("asked to fail by -D" + FAIL_PROPERTY);
        }
        return List.of(Metrics.proportion("ran", new boolean[] {true}, context.confidence(),
                "pid " + ProcessHandle.current().pid() + " mark-env=" + System.getenv("INFERBENCH_TEST_MARK")
                        + " mark-property=" + System.getProperty("inferbench.test.mark")
                        + " max-heap-mib=" + (Runtime.getRuntime().maxMemory() >> 20)));
    }
}
