package io.inferbench.adapter.support;

import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TensorSpecsTest {
    @Test
    void dynamicDimsAreMinusOneAndKeepTheirNames() {
        TensorSpec s = TensorSpecs.withDynamicDims("ids", DType.INT64, new long[] {-3, 384, -1},
                new String[] {"batch", "hidden", null});
        assertArrayEquals(new long[] {-1, 384, -1}, s.shape());
        assertEquals(List.of("batch", "", ""), s.dimNames(), "fixed dims lose their names");
        assertEquals(List.of("", ""), TensorSpecs.withDynamicDims("x", DType.FLOAT32, new long[] {-1, -1},
                null).dimNames());
        assertEquals(List.of("n", ""), TensorSpecs.withDynamicDims("x", DType.FLOAT32, new long[] {-1, -1},
                new String[] {"n"}).dimNames());
    }

    @Test
    void unrepresentableNamesKindNameAndType() {
        assertEquals("output 'y' has element type DT_COMPLEX64, which InferBench cannot represent",
                TensorSpecs.unrepresentable("output", "y", "DT_COMPLEX64").getMessage());
    }
}
