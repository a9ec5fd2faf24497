package io.inferbench.adapter.support;

import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The messages every adapter gives for wrong inputs (the adapters' own tests pin them too). */
class InputCheckTest {
    private static final List<TensorSpec> SPECS = List.of(
            new TensorSpec("ids", DType.INT64, new long[] {-1, -1}, List.of("batch", "sequence")),
            new TensorSpec("x", DType.FLOAT32, new long[] {2, 3}));

    private static Tensor tensor(DType t, long... shape) {
        return new Tensor(t, shape, Tensor.allocate(t, shape));
    }

    private static Map<String, Tensor> good() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("ids", tensor(DType.INT64, 1, 8));
        m.put("x", tensor(DType.FLOAT32, 2, 3));
        return m;
    }

    private static String failure(Map<String, Tensor> tensors) {
        return assertThrows(BackendException.class,
                () -> InputCheck.check(SPECS, tensors, InputCheck::rankAndFixedDims)).getMessage();
    }

    @Test
    void acceptsMatchingTensors() {
        assertDoesNotThrow(() -> InputCheck.check(SPECS, good(), InputCheck::rankAndFixedDims));
    }

    @Test
    void namesTheOffendingInput() {
        Map<String, Tensor> unknown = good();
        unknown.put("segment_ids", tensor(DType.INT64, 1, 8));
        assertEquals("unknown input 'segment_ids': the model's inputs are [ids:int64[batch,sequence], x:float32[2,3]]",
                failure(unknown));

        Map<String, Tensor> missing = good();
        missing.remove("x");
        assertEquals("missing input 'x': the model expects float32[2,3]", failure(missing));

        Map<String, Tensor> dtype = good();
        dtype.put("ids", tensor(DType.INT32, 1, 8));
        assertEquals("input 'ids' is int32 but the model expects int64[batch,sequence]", failure(dtype));

        Map<String, Tensor> rank = good();
        rank.put("ids", tensor(DType.INT64, 8));
        assertEquals("input 'ids' has shape [8] (rank 1) but the model expects rank 2: int64[batch,sequence]",
                failure(rank));

        Map<String, Tensor> dim = good();
        dim.put("x", tensor(DType.FLOAT32, 2, 4));
        assertEquals("input 'x' has shape [2, 4] but the model expects float32[2,3] (dimension 1 must be 3)",
                failure(dim));
    }

    @Test
    void theShapeRuleIsTheCallersChoice() throws BackendException {
        Map<String, Tensor> anyShape = good();
        anyShape.put("x", tensor(DType.FLOAT32, 7));
        InputCheck.check(SPECS, anyShape, (spec, tensor) -> { });
        assertEquals("input 'x' is float64 but the model expects float32[2,3]", assertThrows(BackendException.class,
                () -> InputCheck.check(SPECS, Map.of("ids", tensor(DType.INT64, 1, 1), "x", tensor(DType.FLOAT64, 7)),
                        (spec, tensor) -> { })).getMessage(), "types are checked whatever the shape rule");
    }
}
