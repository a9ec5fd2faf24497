package io.inferbench.scenario.keys;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.OptimizationStep.Calibration;
import io.inferbench.api.optimize.OptimizationStep.Convert;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import io.inferbench.api.optimize.OptimizationStep.Prune;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Decimal;
import io.inferbench.scenario.keys.ValueType.Flag;
import io.inferbench.scenario.keys.ValueType.ListOf;
import io.inferbench.scenario.keys.ValueType.Section;
import io.inferbench.scenario.keys.ValueType.Text;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.Arrays;
import java.util.List;

/**
 * {@code optimization.steps}: the optimizations InferBench applies to a configuration's model before loading it.
 * The choices are the spellings of {@link OptimizationStep}'s enums, and the binder validates each step with
 * {@link io.inferbench.api.optimize.StepSettings} (its messages name the field), so the schema, the binder and
 * the optimizer agree on one definition.
 */
public final class OptimizationStepKeys {
    public static final KeySpec CALIBRATION_DATASET = KeySpec.of("dataset", Text.ANY,
            "A data file of samples of the model's inputs to calibrate on (.jsonl, .npy or .npz, as inputs.data takes "
                    + "them), relative to the scenario.");
    public static final KeySpec CALIBRATION_INPUTS = KeySpec.of("inputs", new Flag(),
            "Calibrate on samples of the configuration's own inputs (its texts, data file or random tensors), "
                    + "run on ONNX Runtime in preflight.");
    public static final KeySpec CALIBRATION_SAMPLES = KeySpec.of("samples", Whole.intAtLeast(1),
            "How many samples to run for the ranges.").withDefault(100L);
    public static final KeySpec CALIBRATION_METHOD = KeySpec.of("method", spellings(Calibration.Method.values()),
            "How a range is taken from the observed values: minmax, percentile (99.99th of |x|) or entropy "
                    + "(KL divergence, as TensorRT).").withDefault("minmax");
    public static final SectionSpec CALIBRATION = new SectionSpec(null, "Where static int8 takes its activation "
            + "ranges from: dataset or inputs.", List.of(CALIBRATION_DATASET, CALIBRATION_INPUTS, CALIBRATION_SAMPLES,
            CALIBRATION_METHOD));

    public static final SectionSpec QUANTIZE = new SectionSpec(null, "int8 weights: dynamic as ONNX Runtime's "
            + "quantize_dynamic, static as QDQ with calibrated activation ranges.", List.of(
            KeySpec.of("mode", spellings(Quantize.Mode.values()), "dynamic-int8 or static-int8.")
                    .withDefault("dynamic-int8"),
            KeySpec.of("weight-type", spellings(Quantize.WeightType.values()),
                    "int8 (symmetric) or uint8 (asymmetric).").withDefault("int8"),
            KeySpec.of("per-channel", new Flag(), "One scale per output channel.").withDefault(false),
            KeySpec.of("op-types", new ListOf(Text.ANY, 1), "Operator types to quantize (default MatMul, Gemm, "
                    + "Conv, Gather)."),
            KeySpec.of("exclude-nodes", new ListOf(Text.ANY, 0), "Node names left alone."),
            KeySpec.section("calibration", CALIBRATION)));
    public static final SectionSpec FP16 = new SectionSpec(null, "float16 weights and compute, as "
            + "onnxconverter-common's convert_float_to_float16.", List.of(
            KeySpec.of("keep-io-types", new Flag(), "Keep float32 graph inputs and outputs.").withDefault(true),
            KeySpec.of("op-block-list", new ListOf(Text.ANY, 0), "Operators kept in float32 (default: "
                    + "onnxconverter-common's list).")));
    public static final SectionSpec PRUNE = new SectionSpec(null, "Magnitude pruning of MatMul, Gemm and Conv "
            + "weights; the model stays dense.", List.of(
            KeySpec.of("method", spellings(Prune.Method.values()), "How weights are ranked.").withDefault("magnitude"),
            KeySpec.of("sparsity", new Decimal(0, false, 1, true), "Fraction set to zero, in [0, 1).").asRequired(),
            KeySpec.of("scope", spellings(Prune.Scope.values()), "One threshold per tensor or over all weights.")
                    .withDefault("per-tensor"),
            KeySpec.of("structure", spellings(Prune.Structure.values()), "Single weights or whole output channels.")
                    .withDefault("unstructured")));
    public static final SectionSpec GRAPH_OPTIMIZE = new SectionSpec(null, "ONNX Runtime's graph optimizations, "
            + "saved offline and measured as a step of their own.", List.of(
            KeySpec.of("level", spellings(GraphOptimize.Level.values()), "basic, extended or all.").withDefault("all")));
    public static final SectionSpec CONVERT = new SectionSpec(null, "The ONNX to TensorFlow converter as a step.",
            List.of(KeySpec.of("to", spellings(Convert.Target.values()), "The target format.")
                    .withDefault("savedmodel")));

    public static final SectionSpec STEP = new SectionSpec(null, "One step: exactly one of quantize, fp16, prune, "
            + "graph-optimize, convert, with its settings.", List.of(KeySpec.section("quantize", QUANTIZE),
            KeySpec.section("fp16", FP16), KeySpec.section("prune", PRUNE),
            KeySpec.section("graph-optimize", GRAPH_OPTIMIZE), KeySpec.section("convert", CONVERT)));

    /** The key itself, in {@code optimization:}. */
    public static final KeySpec STEPS = KeySpec.of("steps", new ListOf(new Section(STEP), 0), "Optimizations "
            + "applied in order to the model before it is loaded, each cached and recorded in the result (e.g. "
            + "[{quantize: {mode: dynamic-int8}}]); a matrix axis may vary them.");

    private OptimizationStepKeys() {
    }

    private static Choice spellings(OptimizationStep.Spelled[] values) {
        return new Choice(Arrays.stream(values).map(OptimizationStep.Spelled::spelling).toList());
    }
}
