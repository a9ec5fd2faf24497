package io.inferbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.scenario.TensorOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Random samples: seeded, distinct, within their ranges, shaped as planned. */
class SampleFactoryTest {

    private static InputPlan plan(List<TensorSpec> model, TensorOverride... overrides) {
        List<io.inferbench.scenario.Problem> problems = new ArrayList<>();
        InputPlan plan = InputPlan.resolve(InputPlanTest.inputs(2, 16, overrides), model, "s.yaml", problems);
        assertTrue(problems.isEmpty(), problems::toString);
        return plan;
    }

    private static List<Map<String, Tensor>> build(InputPlan plan, int count, long seed) {
        return SampleFactory.build(plan, count, seed, null, null);
    }

    @Test
    void sameSeedSameSamples() {
        InputPlan plan = plan(InputPlanTest.BERT);
        assertEquals(build(plan, 4, 42), build(plan, 4, 42));
    }

    @Test
    void samplesDifferFromEachOtherAndBetweenSeeds() {
        InputPlan plan = plan(InputPlanTest.BERT);
        List<Map<String, Tensor>> a = build(plan, 3, 42);
        assertNotEquals(a.get(0).get("input_ids"), a.get(1).get("input_ids"));
        assertNotEquals(a.get(1).get("input_ids"), a.get(2).get("input_ids"));
        assertNotEquals(a.get(0).get("input_ids"), build(plan, 1, 43).get(0).get("input_ids"));
    }

    @Test
    void shapesTypesAndRanges() {
        List<Map<String, Tensor>> samples = build(plan(InputPlanTest.BERT), 5, 7);
        assertEquals(5, samples.size());
        for (Map<String, Tensor> s : samples) {
            assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), List.copyOf(s.keySet()));
            for (Tensor t : s.values()) {
                assertEquals(DType.INT64, t.dtype());
                assertArrayEquals(new long[] {2, 16}, t.shape());
            }
            for (float v : s.get("input_ids").toFloatArray()) {
                assertTrue(v >= 1000 && v < 2000, "token id " + v);
                assertEquals(Math.floor(v), v, "integers are whole");
            }
            for (float v : s.get("attention_mask").toFloatArray()) {
                assertEquals(1f, v, "attention mask is all ones");
            }
            for (float v : s.get("token_type_ids").toFloatArray()) {
                assertEquals(0f, v, "token types are all zeros");
            }
        }
    }

    @Test
    void overriddenRangeAndFloats() {
        List<TensorSpec> model = List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, 4}),
                new TensorSpec("h", DType.FLOAT16, new long[] {-1, 4}),
                new TensorSpec("b", DType.BOOL, new long[] {-1, 4}));
        InputPlan plan = plan(model, new TensorOverride("x", null, null, -2.0, -1.0, 1, 1));
        Tensor x = build(plan, 1, 1).get(0).get("x");
        float[] xs = x.toFloatArray();
        assertEquals(8, xs.length);
        boolean fractional = false;
        for (float v : xs) {
            assertTrue(v >= -2 && v < -1, "x " + v);
            fractional |= v != Math.floor(v);
        }
        assertTrue(fractional, "float inputs are not rounded");
        for (float v : build(plan, 1, 1).get(0).get("h").toFloatArray()) {
            assertTrue(v >= 0 && v <= 1, "float16 " + v);
        }
        for (float v : build(plan, 1, 1).get(0).get("b").toFloatArray()) {
            assertTrue(v == 0 || v == 1, "bool " + v);
        }
    }

    @Test
    void float16Conversion() {
        assertEquals(1.0f, half(1.0f).toFloatArray()[0]);
        assertEquals(-2.5f, half(-2.5f).toFloatArray()[0]);
        assertEquals(0.0f, half(0.0f).toFloatArray()[0]);
        assertEquals(Float.POSITIVE_INFINITY, half(1e6f).toFloatArray()[0]);
        assertEquals(0.333f, half(1 / 3f).toFloatArray()[0], 1e-3);
    }

    private static Tensor half(float f) {
        java.nio.ByteBuffer b = Tensor.allocate(DType.FLOAT16, new long[] {1});
        b.putShort(SampleFactory.Float16.fromFloat(f));
        return new Tensor(DType.FLOAT16, new long[] {1}, b.flip());
    }
}
