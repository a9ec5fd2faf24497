package io.inferbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.scenario.InputSpec;
import io.inferbench.scenario.Problem;
import io.inferbench.scenario.TensorOverride;
import io.inferbench.scenario.TextInputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scenario's inputs reconciled with what the model declares; each mismatch a located problem. */
class InputPlanTest {
    private static final String FILE = "s.yaml";
    private static final List<String> DIMS = List.of("batch", "sequence");

    /** A BERT-style encoder: three int64 inputs of shape [batch, sequence]. */
    static final List<TensorSpec> BERT = List.of(
            new TensorSpec("input_ids", DType.INT64, new long[] {-1, -1}, DIMS),
            new TensorSpec("attention_mask", DType.INT64, new long[] {-1, -1}, DIMS),
            new TensorSpec("token_type_ids", DType.INT64, new long[] {-1, -1}, DIMS));

    private static final List<TensorSpec> IMAGE = List.of(
            new TensorSpec("pixels", DType.FLOAT32, new long[] {-1, 3, 224, 224}, List.of("N", "", "", "")));

    private final List<Problem> problems = new ArrayList<>();

    static InputSpec inputs(int batch, int seq, TensorOverride... overrides) {
        return inputs(batch, seq, null, overrides);
    }

    static InputSpec inputs(int batch, int seq, TextInputSpec text, TensorOverride... overrides) {
        Map<String, TensorOverride> m = new LinkedHashMap<>();
        for (TensorOverride o : overrides) {
            m.put(o.name(), o);
        }
        return new InputSpec(batch, seq, 8, 42, text, m);
    }

    private static TensorOverride override(String name, DType dtype, List<String> shape, int line, int column) {
        return new TensorOverride(name, dtype, shape, null, null, line, column);
    }

    private String problemText() {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private Problem single() {
        assertEquals(1, problems.size(), this::problemText);
        return problems.get(0);
    }

    private static void assertProblem(Problem p, int line, int column, String path, String... parts) {
        assertEquals(FILE, p.file(), p.format());
        assertEquals(line, p.line(), p.format());
        assertEquals(column, p.column(), p.format());
        assertEquals(path, p.path(), p.format());
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> "<" + part + "> not in: " + p.format());
        }
    }

    @Test
    void dynamicDimensionsBecomeBatchAndSequence() {
        InputPlan plan = InputPlan.resolve(inputs(4, 16), BERT, FILE, problems);
        assertNotNull(plan, this::problemText);
        assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), List.copyOf(plan.shapes().keySet()));
        plan.shapes().values().forEach(s -> assertArrayEquals(new long[] {4, 16}, s));
        assertEquals(List.of(new TensorSpec("input_ids", DType.INT64, new long[] {4, 16}),
                new TensorSpec("attention_mask", DType.INT64, new long[] {4, 16}),
                new TensorSpec("token_type_ids", DType.INT64, new long[] {4, 16})), plan.specs());
    }

    @Test
    void fixedDimensionsAreKept() {
        InputPlan plan = InputPlan.resolve(inputs(2, 16), IMAGE, FILE, problems);
        assertNotNull(plan, this::problemText);
        assertArrayEquals(new long[] {2, 3, 224, 224}, plan.shapes().get("pixels"));
    }

    @Test
    void randomInputsGetRangesByRole() {
        InputPlan plan = InputPlan.resolve(inputs(1, 8), BERT, FILE, problems);
        Map<String, ResolvedInput> byName = plan.inputs().stream()
                .collect(Collectors.toMap(ResolvedInput::name, i -> i));
        assertEquals(1000, byName.get("input_ids").low());
        assertEquals(2000, byName.get("input_ids").high());
        assertEquals(1, byName.get("attention_mask").low(), "attention masks are all ones");
        assertEquals(2, byName.get("attention_mask").high());
        assertEquals(0, byName.get("token_type_ids").low(), "token types are all zeros");
        assertEquals(1, byName.get("token_type_ids").high());
        assertEquals(InputRole.RANDOM, byName.get("input_ids").role(), "without text every input is random");
    }

    @Test
    void overridesApply() {
        TensorOverride ids = new TensorOverride("input_ids", DType.INT64, List.of("batch", "sequence"), 0.0, 30522.0,
                5, 5);
        TensorOverride pixels = new TensorOverride("pixels", null, List.of("batch", "3", "224", "224"), -1.0, 1.0,
                9, 5);
        InputPlan bert = InputPlan.resolve(inputs(2, 32, ids), BERT, FILE, problems);
        InputPlan image = InputPlan.resolve(inputs(2, 32, pixels), IMAGE, FILE, problems);
        assertTrue(problems.isEmpty(), this::problemText);
        ResolvedInput in = bert.inputs().get(0);
        assertEquals(0.0, in.low());
        assertEquals(30522.0, in.high());
        assertArrayEquals(new long[] {2, 32}, in.shape());
        assertArrayEquals(new long[] {2, 3, 224, 224}, image.shapes().get("pixels"));
        assertEquals(-1.0, image.inputs().get(0).low());
    }

    @Test
    void overrideCanFixADynamicDimension() {
        InputPlan plan = InputPlan.resolve(inputs(2, 32, override("input_ids", null, List.of("1", "7"), 5, 5)), BERT,
                FILE, problems);
        assertNotNull(plan, this::problemText);
        assertArrayEquals(new long[] {1, 7}, plan.shapes().get("input_ids"));
        assertArrayEquals(new long[] {2, 32}, plan.shapes().get("attention_mask"));
    }

    @Test
    void overrideOfAnInputTheModelDoesNotHave() {
        assertNull(InputPlan.resolve(inputs(1, 8, override("input_id", null, null, 12, 5)), BERT, FILE, problems));
        assertProblem(single(), 12, 5, "inputs.tensors.input_id", "the model has no input 'input_id'.",
                "Did you mean 'input_ids'?",
                "Model inputs: input_ids:int64[batch,sequence], attention_mask:int64[batch,sequence], "
                        + "token_type_ids:int64[batch,sequence]");
    }

    @Test
    void overrideWithNoCloseName() {
        assertNull(InputPlan.resolve(inputs(1, 8, override("images", null, null, 3, 5)), BERT, FILE, problems));
        Problem p = single();
        assertProblem(p, 3, 5, "inputs.tensors.images", "the model has no input 'images'.", "Model inputs: ");
        assertTrue(!p.message().contains("Did you mean"), p.message());
    }

    @Test
    void dtypeMismatch() {
        assertNull(InputPlan.resolve(inputs(1, 8, override("input_ids", DType.INT32, null, 7, 5)), BERT, FILE,
                problems));
        assertProblem(single(), 7, 5, "inputs.tensors.input_ids.dtype",
                "the model declares input 'input_ids' as int64, not int32");
    }

    @Test
    void sameDtypeIsFine() {
        assertNotNull(InputPlan.resolve(inputs(1, 8, override("input_ids", DType.INT64, null, 7, 5)), BERT, FILE,
                problems), this::problemText);
    }

    @Test
    void rankMismatch() {
        assertNull(InputPlan.resolve(inputs(1, 8, override("attention_mask", null, List.of("batch"), 8, 5)), BERT,
                FILE, problems));
        assertProblem(single(), 8, 5, "inputs.tensors.attention_mask.shape",
                "input 'attention_mask' has rank 2 (int64[batch,sequence]), the override gives 1 dimensions");
    }

    @Test
    void fixedDimensionConflict() {
        assertNull(InputPlan.resolve(inputs(1, 8, override("pixels", null, List.of("batch", "4", "224", "224"), 6,
                5)), IMAGE, FILE, problems));
        assertProblem(single(), 6, 5, "inputs.tensors.pixels.shape",
                "dimension 1 of 'pixels' is fixed at 3 by the model, the override gives 4");
    }

    @Test
    void fixedDimensionConflictThroughBatch() {
        List<TensorSpec> fixedBatch = List.of(new TensorSpec("x", DType.FLOAT32, new long[] {1, -1}));
        assertNull(InputPlan.resolve(inputs(4, 8, override("x", null, List.of("batch", "sequence"), 6, 5)),
                fixedBatch, FILE, problems));
        assertProblem(single(), 6, 5, "inputs.tensors.x.shape", "dimension 0 of 'x' is fixed at 1 by the model, "
                + "the override gives 4");
    }

    @Test
    void textNeedsATokenIdInput() {
        TextInputSpec text = new TextInputSpec(Path.of("sentences.txt"), null);
        assertNull(InputPlan.resolve(inputs(1, 8, text), IMAGE, FILE, problems));
        assertProblem(single(), 0, 0, "inputs.text", "real text needs a token-id input (input_ids)",
                "pixels:float32[N,3,224,224]");
    }

    @Test
    void textGivesRolesByName() {
        TextInputSpec text = new TextInputSpec(Path.of("sentences.txt"), null);
        InputPlan plan = InputPlan.resolve(inputs(1, 8, text), BERT, FILE, problems);
        assertNotNull(plan, this::problemText);
        assertEquals(List.of(InputRole.TOKEN_IDS, InputRole.ATTENTION_MASK, InputRole.TOKEN_TYPE_IDS),
                plan.inputs().stream().map(ResolvedInput::role).toList());
    }

    @Test
    void stringInputsAreReported() {
        List<TensorSpec> model = List.of(new TensorSpec("text", DType.STRING, new long[] {-1}));
        assertNull(InputPlan.resolve(inputs(1, 8), model, FILE, problems));
        assertProblem(single(), 0, 0, "inputs", "input 'text' takes strings");
    }

    @Test
    void everyMismatchIsReported() {
        assertNull(InputPlan.resolve(inputs(1, 8,
                override("input_id", null, null, 3, 5),
                override("input_ids", DType.FLOAT32, null, 4, 5),
                override("attention_mask", null, List.of("batch", "sequence", "1"), 5, 5)), BERT, FILE, problems));
        assertEquals(3, problems.size(), this::problemText);
        assertEquals(List.of("inputs.tensors.input_id", "inputs.tensors.input_ids.dtype",
                "inputs.tensors.attention_mask.shape"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void inputRoles() {
        assertEquals(InputRole.TOKEN_IDS, InputRole.of("input_ids"));
        assertEquals(InputRole.TOKEN_IDS, InputRole.of("decoder_input_ids"));
        assertEquals(InputRole.ATTENTION_MASK, InputRole.of("Attention_Mask"));
        assertEquals(InputRole.TOKEN_TYPE_IDS, InputRole.of("token_type_ids"));
        assertEquals(InputRole.RANDOM, InputRole.of("pixel_values"));
    }
}
