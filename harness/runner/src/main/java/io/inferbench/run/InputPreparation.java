package io.inferbench.run;

import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.input.InputPlan;
import io.inferbench.input.SampleFactory;
import io.inferbench.input.TextEncoder;
import io.inferbench.scenario.Problem;
import java.util.List;
import java.util.Map;

/**
 * The prepare step of a configuration's run: the inputs as they will be fed, and every sample
 * built before anything is timed.
 */
public final class InputPreparation {
    private InputPreparation() {
    }

    /**
     * Preflight's input plan, or (when preflight could not inspect the model) one resolved against the
     * inputs the open session declares; null with the reasons in {@code problems} when they do not fit.
     */
    public static InputPlan plan(PreparedConfiguration pc, List<TensorSpec> declared, List<Problem> problems) {
        return pc.plan() != null ? pc.plan() : InputPlan.resolve(pc.spec().inputs(), declared, "scenario", problems);
    }

    /** The configuration's samples: random tensors, or its texts tokenized. Blocking. */
    public static List<Map<String, Tensor>> samples(PreparedConfiguration pc, InputPlan plan) throws Exception {
        var in = pc.spec().inputs();
        if (pc.tokenizer() == null) {
            return SampleFactory.build(plan, in.samples(), in.seed(), null, null);
        }
        try (TextEncoder encoder = TextEncoder.open(pc.tokenizer().path(), in.sequenceLength())) {
            return SampleFactory.build(plan, in.samples(), in.seed(), pc.texts(), encoder);
        }
    }
}
