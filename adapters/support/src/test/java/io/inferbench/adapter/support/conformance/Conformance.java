package io.inferbench.adapter.support.conformance;

import io.inferbench.api.BackendException;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The assertions of {@link BackendConformanceTest}, each with a message that says what broke. */
final class Conformance {
    private Conformance() {
    }

    /** Unique kebab-case names; defaults of the declared type (or null: the backend's own default). */
    static void assertOptionsWellFormed(List<OptionSpec> options) {
        Set<String> names = new HashSet<>();
        for (OptionSpec o : options) {
            assertTrue(names.add(o.name()), "option " + o.name() + " declared twice");
            assertTrue(o.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), "option name is kebab-case: " + o.name());
            Object d = o.defaultValue();
            if (d == null) {
                continue;
            }
            boolean typed = switch (o.type()) {
                case INT -> d instanceof Long n && n >= o.min();
                case NUMBER -> d instanceof Double n && n >= o.min();
                case BOOLEAN -> d instanceof Boolean;
                case STRING -> d instanceof String;
                case ENUM -> d instanceof String s && o.allowed().contains(s);
            };
            assertTrue(typed, "option " + o.name() + ": default " + d + " (" + d.getClass().getSimpleName()
                    + ") is not " + o.expected());
        }
    }

    static void assertUniqueNames(List<TensorSpec> specs) {
        assertEquals(specs.size(), specs.stream().map(TensorSpec::name).distinct().count(), "unique names: " + specs);
    }

    /** The inputs the test gives are exactly the declared ones, of their types and fixed dimensions. */
    static void assertSpecsMatch(List<TensorSpec> specs, Map<String, Tensor> inputs) {
        assertFalse(specs.isEmpty(), "inputs are declared");
        assertUniqueNames(specs);
        assertEquals(inputs.keySet(), Set.copyOf(specs.stream().map(TensorSpec::name).toList()),
                "declared inputs " + specs + " are those the model takes");
        for (TensorSpec spec : specs) {
            Tensor t = inputs.get(spec.name());
            assertEquals(spec.dtype(), t.dtype(), "element type of input " + spec);
            assertFits(spec, t.shape(), "input");
        }
    }

    static void assertUnmodifiable(List<TensorSpec> specs) {
        assertThrows(UnsupportedOperationException.class, specs::clear, "the session's lists are unmodifiable");
    }

    /** Every declared output came back, of its declared type and shape. */
    static void assertOutputsAsDeclared(List<TensorSpec> outputs, Map<String, Tensor> fetched) {
        assertEquals(outputs.stream().map(TensorSpec::name).toList(), List.copyOf(fetched.keySet()),
                "runAndFetch returns the declared outputs, in their order");
        for (TensorSpec spec : outputs) {
            Tensor t = fetched.get(spec.name());
            assertEquals(spec.dtype(), t.dtype(), "element type of output " + spec);
            assertFits(spec, t.shape(), "output");
        }
    }

    /** Rank and fixed dimensions, where the spec declares a rank (an empty shape may mean "unknown"). */
    private static void assertFits(TensorSpec spec, long[] shape, String kind) {
        long[] declared = spec.shape();
        if (declared.length == 0) {
            return;
        }
        assertEquals(declared.length, shape.length, "rank of " + kind + " " + spec + " vs " + Arrays.toString(shape));
        for (int i = 0; i < declared.length; i++) {
            if (declared[i] >= 0) {
                assertEquals(declared[i], shape[i], "dimension " + i + " of " + kind + " " + spec);
            }
        }
    }

    /** Each expected output is there with these values, within {@code tolerance} relative to max(1, |value|). */
    static void assertValues(Map<String, float[]> expected, Map<String, Tensor> fetched, double tolerance, String what) {
        assertFalse(expected.isEmpty(), "expected() names at least one output");
        for (Map.Entry<String, float[]> e : expected.entrySet()) {
            Tensor t = fetched.get(e.getKey());
            assertNotNull(t, what + ": output '" + e.getKey() + "' among " + fetched.keySet());
            float[] want = e.getValue();
            float[] got = t.toFloatArray();
            assertEquals(want.length, got.length, what + ": elements of output '" + e.getKey() + "'");
            for (int i = 0; i < want.length; i++) {
                double allowed = tolerance * Math.max(1, Math.abs(want[i]));
                if (!(Math.abs(want[i] - got[i]) <= allowed)) {
                    fail(what + ": output '" + e.getKey() + "'[" + i + "] is " + got[i] + ", expected " + want[i]);
                }
            }
        }
    }

    /** {@code prepare} refuses the inputs with a one-line message naming {@code name}. */
    static void assertNames(Runner runner, Map<String, Tensor> inputs, String name) {
        BackendException e = assertThrows(BackendException.class, () -> runner.prepare(inputs),
                "prepare refuses inputs " + inputs.keySet());
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(name), "the message names input '" + name + "': " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    /** A {@link BackendException} that says the runner or session is closed. */
    static void assertClosed(Executable call, String what) {
        BackendException e = assertThrows(BackendException.class, call, what);
        assertTrue(String.valueOf(e.getMessage()).contains("closed"), what + " says so: " + e.getMessage());
    }
}
