package io.inferbench.input;

import io.inferbench.api.DType;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A sample from a data file checked against the model's inputs, each mismatch one message naming where. */
final class SampleCheck {
    private final InputPlan plan;

    SampleCheck(InputPlan plan) {
        this.plan = plan;
    }

    /** The sample names exactly the model's inputs. */
    void names(String where, Collection<String> given) {
        List<String> expected = plan.inputs().stream().map(ResolvedInput::name).toList();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(given);
        Set<String> unknown = new TreeSet<>(given);
        expected.forEach(unknown::remove);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + (missing.isEmpty() ? "" : "missing input(s) "
                    + missing + (unknown.isEmpty() ? "" : "; ")) + (unknown.isEmpty() ? "" : "the model has no input(s) "
                    + unknown) + ". Model inputs: " + InputPlan.describe(plan.specs()));
        }
    }

    /** The tensor's dtype is the model's, its rank the model's, its fixed dimensions the model's. */
    void tensor(String where, ResolvedInput in, DType dtype, long[] shape) {
        long[] declared = in.declared();
        String expected = in.dtype().id() + Arrays.toString(declared).replace(" ", "");
        if (dtype != in.dtype()) {
            throw new IllegalArgumentException(where + ": input '" + in.name() + "' is " + dtype.id()
                    + ", the model expects " + expected);
        }
        boolean fits = shape.length == declared.length;
        for (int i = 0; fits && i < shape.length; i++) {
            fits = declared[i] < 0 || declared[i] == shape[i];
        }
        if (!fits) {
            throw new IllegalArgumentException(where + ": input '" + in.name() + "' has shape "
                    + Arrays.toString(shape).replace(" ", "") + ", the model expects " + expected
                    + " (-1: any size)");
        }
    }
}
