package io.inferbench.run;

import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.input.DataFile;
import io.inferbench.input.InputPlan;
import io.inferbench.input.SampleDraws;
import io.inferbench.input.SampleFactory;
import io.inferbench.input.SampleSet;
import io.inferbench.input.TextEncoder;
import io.inferbench.result.InputLengths;
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

    /** The configuration's samples: random tensors, the user's data file, or its texts tokenized. Blocking. */
    public static List<Map<String, Tensor>> samples(PreparedConfiguration pc, InputPlan plan) throws Exception {
        return sampleSet(pc, plan).samples();
    }

    /** As {@link #samples}, with the lengths texts were fed at. Blocking. */
    public static SampleSet sampleSet(PreparedConfiguration pc, InputPlan plan) throws Exception {
        var in = pc.spec().inputs();
        if (in.data() != null) {
            return SampleSet.of(DataFile.read(in.data(), plan));
        }
        if (pc.tokenizer() == null) {
            return SampleSet.of(SampleFactory.build(plan, in.samples(), in.seed(), null, null));
        }
        try (TextEncoder encoder = TextEncoder.open(pc.tokenizer().path(), in.sequenceLength())) {
            return SampleFactory.build(plan, in.samples(), in.seed(), pc.texts(), encoder, in.text().padding());
        }
    }

    /** The lengths a text configuration was fed at, for its result; null for random or file inputs. */
    public static InputLengths lengths(PreparedConfiguration pc, SampleSet set) {
        var text = pc.spec().inputs().text();
        return text == null || set.fedLengths().length == 0 ? null
                : InputLengths.of(text.padding().describe(), set.fedLengths(), set.textTokens());
    }

    /**
     * Has {@code sut} record latency per input-length bucket when the samples are texts (whose lengths are
     * known); random and file inputs have no lengths to break down by.
     */
    static void recordLengths(PreparedConfiguration pc, SampleSet set, SessionSystemUnderTest sut) {
        var in = pc.spec().inputs();
        if (in.text() != null && set.fedLengths().length == set.samples().size() && set.fedLengths().length > 0) {
            sut.recordingLengths(set.ownLengths(), set.fedLengths(), new LengthLatencyRecorder(
                    LengthLatencyRecorder.edges(in.text().padding(), in.sequenceLength())));
        }
    }

    /** The sample each query takes in turn (for {@code inputs.order: shuffle}); null to take them in turn. */
    public static int[] draws(PreparedConfiguration pc, int sampleCount) {
        var in = pc.spec().inputs();
        return SampleDraws.of(in.order(), sampleCount, in.seed());
    }
}
