package io.inferbench.input;

import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.scenario.InputSpec;
import io.inferbench.scenario.Problem;
import io.inferbench.scenario.Suggestions;
import io.inferbench.scenario.TensorOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reconciles the scenario's {@code inputs:} with the inputs the model declares: concrete shapes
 * (dynamic batch dimension = batch-size, other dynamic dimensions = sequence-length), dtypes,
 * overrides. Every mismatch becomes a {@link Problem} at the override's line.
 */
public final class InputPlan {
    private final List<ResolvedInput> inputs;

    private InputPlan(List<ResolvedInput> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    List<ResolvedInput> inputs() {
        return inputs;
    }

    /** Names, dtypes and shapes as fed. */
    public List<TensorSpec> specs() {
        return inputs.stream().map(i -> new TensorSpec(i.name(), i.dtype(), i.shape())).toList();
    }

    /**
     * @param problems receives one problem per mismatch; the plan is null when any was found
     */
    public static InputPlan resolve(InputSpec spec, List<TensorSpec> model, String file, List<Problem> problems) {
        int before = problems.size();
        List<String> names = model.stream().map(TensorSpec::name).toList();
        for (TensorOverride o : spec.tensors().values()) {
            if (!names.contains(o.name())) {
                problems.add(new Problem(file, o.line(), o.column(), "inputs.tensors." + o.name(),
                        "the model has no input '" + o.name() + "'." + Suggestions.didYouMean(o.name(), names)
                                + " Model inputs: " + describe(model)));
            }
        }
        List<ResolvedInput> out = new ArrayList<>();
        for (TensorSpec t : model) {
            TensorOverride o = spec.tensors().get(t.name());
            String path = "inputs.tensors." + t.name();
            DType dtype = t.dtype();
            if (o != null && o.dtype() != null && o.dtype() != t.dtype()) {
                problems.add(new Problem(file, o.line(), o.column(), path + ".dtype", "the model declares input '"
                        + t.name() + "' as " + t.dtype().id() + ", not " + o.dtype().id()));
            }
            if (dtype == DType.STRING) {
                problems.add(new Problem(file, 0, 0, "inputs", "input '" + t.name()
                        + "' takes strings, which InferBench cannot generate yet"));
                continue;
            }
            long[] shape = shape(t, o, spec, file, path, problems);
            InputRole role = spec.text() == null ? InputRole.RANDOM : InputRole.of(t.name());
            double[] range = range(t, o);
            out.add(new ResolvedInput(t.name(), dtype, shape, range[0], range[1], role, t.shape()));
        }
        if (spec.text() != null && out.stream().noneMatch(i -> i.role() == InputRole.TOKEN_IDS)) {
            problems.add(new Problem(file, 0, 0, "inputs.text", "real text needs a token-id input (input_ids) but the "
                    + "model's inputs are " + describe(model)));
        }
        if (spec.text() != null && !spec.text().padding().fixedShape()) {
            varyingLengths(spec, model, file, problems);
        }
        return problems.size() > before ? null : new InputPlan(out);
    }

    /** Padding other than max-length feeds shapes that vary by query: the text inputs' sequence dimension must be dynamic. */
    private static void varyingLengths(InputSpec spec, List<TensorSpec> model, String file, List<Problem> problems) {
        String padding = spec.text().padding().describe();
        for (TensorSpec t : model) {
            if (InputRole.of(t.name()) == InputRole.RANDOM || t.shape().length != 2) {
                continue;
            }
            TensorOverride o = spec.tensors().get(t.name());
            boolean overridden = o != null && o.shape() != null && o.shape().size() == 2
                    && o.shape().get(1).matches("\\d+");
            if (t.shape()[1] >= 0 || overridden) {
                problems.add(new Problem(file, 0, 0, "inputs.text.padding", "padding: " + padding + " feeds each "
                        + "query at its own length, but input '" + t.name() + "' has a fixed sequence dimension ("
                        + (overridden ? "set by inputs.tensors." + t.name() + ".shape" : t.describe())
                        + "); use padding: max-length for this model"));
            }
        }
    }

    private static long[] shape(TensorSpec t, TensorOverride o, InputSpec spec, String file, String path,
                                List<Problem> problems) {
        long[] declared = t.shape();
        if (o != null && o.shape() != null) {
            if (o.shape().size() != declared.length) {
                problems.add(new Problem(file, o.line(), o.column(), path + ".shape", "input '" + t.name()
                        + "' has rank " + declared.length + " (" + t.describe() + "), the override gives "
                        + o.shape().size() + " dimensions"));
                return declared;
            }
            long[] s = new long[declared.length];
            for (int i = 0; i < s.length; i++) {
                String d = o.shape().get(i);
                s[i] = d.equals("batch") ? spec.batchSize() : d.equals("sequence") ? spec.sequenceLength()
                        : Long.parseLong(d);
                if (declared[i] >= 0 && declared[i] != s[i]) {
                    problems.add(new Problem(file, o.line(), o.column(), path + ".shape", "dimension " + i + " of '"
                            + t.name() + "' is fixed at " + declared[i] + " by the model, the override gives " + s[i]));
                }
            }
            return s;
        }
        long[] s = new long[declared.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = declared[i] >= 0 ? declared[i] : i == 0 ? spec.batchSize() : spec.sequenceLength();
        }
        return s;
    }

    private static double[] range(TensorSpec t, TensorOverride o) {
        if (o != null && o.low() != null) {
            return new double[] {o.low(), o.high()};
        }
        return switch (InputRole.of(t.name())) {
            case ATTENTION_MASK -> new double[] {1, 2};
            case TOKEN_TYPE_IDS -> new double[] {0, 1};
            // Token ids: stay inside any vocabulary, clear of special tokens.
            case TOKEN_IDS -> new double[] {1000, 2000};
            case RANDOM -> t.dtype() == DType.BOOL ? new double[] {0, 2}
                    : isFloat(t.dtype()) ? new double[] {0, 1} : new double[] {0, 100};
        };
    }

    static boolean isFloat(DType d) {
        return d == DType.FLOAT32 || d == DType.FLOAT64 || d == DType.FLOAT16 || d == DType.BFLOAT16;
    }

    static String describe(List<TensorSpec> specs) {
        return String.join(", ", specs.stream().map(TensorSpec::toString).toList());
    }

    /** For tests and error messages: the plan as name to shape. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> m = new java.util.LinkedHashMap<>();
        inputs.forEach(i -> m.put(i.name(), i.shape()));
        return m;
    }
}
