package io.inferbench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.AgreementResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementTest {
    private static CapturedOutputs one(String name, long[] shape, float... v) {
        return new CapturedOutputs(List.of(Map.of(name, new CapturedOutputs.Output(shape, v))));
    }

    @Test
    void identicalOutputsAgreeExactly(@TempDir Path dir) throws Exception {
        CapturedOutputs a = one("y", new long[] {1, 3}, 0.1f, 0.7f, 0.2f);
        a.write(dir.resolve("a.bin"));
        CapturedOutputs read = CapturedOutputs.read(dir.resolve("a.bin"));
        AgreementResult r = Agreement.compare("c02", read, "c01", a).get(0);
        assertEquals(0, r.maxAbsError());
        assertEquals(1, r.meanCosine(), 1e-12);
        assertEquals(1, r.top1Agreement());
        assertEquals("c01", r.referenceId());
    }

    @Test
    void errorCosineAndTop1AreComputedAgainstTheReference() {
        CapturedOutputs ref = one("scores", new long[] {2, 2}, 1, 0, 0, 1);
        CapturedOutputs cand = one("scores", new long[] {2, 2}, 0.9f, 0.1f, 1, 0);
        AgreementResult r = Agreement.compare("c02", cand, "c01", ref).get(0);
        assertEquals(1.0, r.maxAbsError(), 1e-6);
        assertEquals((0.1 + 0.1 + 1 + 1) / 4, r.meanAbsError(), 1e-6);
        assertEquals(0.5, r.top1Agreement(), "first row agrees, second does not");
        // cos = (0.9) / (sqrt(0.82 + 1) * sqrt(2))
        assertEquals(0.9 / (Math.sqrt(0.82 + 1) * Math.sqrt(2)), r.meanCosine(), 1e-6);
        assertTrue(Double.isNaN(Agreement.compare("c2", one("h", new long[] {1, 2, 2}, 1, 2, 3, 4), "c1",
                one("h", new long[] {1, 2, 2}, 1, 2, 3, 4)).get(0).top1Agreement()), "not a score vector");
    }

    @Test
    void differentShapesOrNamesAreNotCompared() {
        assertTrue(Agreement.compare("c2", one("y", new long[] {1, 2}, 1, 2), "c1", one("y", new long[] {2, 1}, 1, 2))
                .isEmpty());
        assertTrue(Agreement.compare("c2", one("y", new long[] {1, 2}, 1, 2), "c1", one("z", new long[] {1, 2}, 1, 2))
                .isEmpty());
    }

    /** [1, 3, 2] hidden states: two real tokens and one padding position whose values differ wildly. */
    private static CapturedOutputs encoder(float[] hidden, float... mask) {
        return new CapturedOutputs(List.of(Map.of("last_hidden_state", new CapturedOutputs.Output(new long[] {1, 3, 2},
                hidden))), java.util.Arrays.asList(mask.length == 0 ? null
                : new CapturedOutputs.Output(new long[] {1, 3}, mask)));
    }

    @Test
    void aTextEncodersPooledCosineIgnoresPaddingPositions(@TempDir Path dir) throws Exception {
        CapturedOutputs ref = encoder(new float[] {1, 0, 0, 1, 5, 5}, 1, 1, 0);
        CapturedOutputs cand = encoder(new float[] {1, 0, 0, 1, -5, 5}, 1, 1, 0);
        cand.write(dir.resolve("c.bin"));
        CapturedOutputs read = CapturedOutputs.read(dir.resolve("c.bin"));
        assertEquals(List.of(1L, 3L), java.util.Arrays.stream(read.mask(0).shape()).boxed().toList());
        AgreementResult r = Agreement.compare("c02", read, "c01", ref).get(0);
        // Raw: (1 + 1 − 25 + 25) / (sqrt(52) · sqrt(52)) = 2 / 52; pooled: both (0.5, 0.5), cosine 1.
        assertEquals(2.0 / 52, r.meanCosine(), 1e-6);
        assertEquals(1.0, r.pooledMeanCosine(), 1e-9);
        assertEquals(1.0, r.pooledMinCosine(), 1e-9);
        assertEquals(10, r.maxAbsError(), 1e-6, "raw errors still cover every position");
        assertTrue(r.pooled());

        // The real tokens differing does move the pooled cosine: (1, 0)+(0, 1) against (1, 0)+(0, −1).
        CapturedOutputs apart = encoder(new float[] {1, 0, 0, -1, 5, 5}, 1, 1, 0);
        assertEquals(0, Agreement.compare("c03", apart, "c01", ref).get(0).pooledMeanCosine(), 1e-9);
    }

    @Test
    void withoutAMaskOrThreeDimensionsNothingIsPooled(@TempDir Path dir) throws Exception {
        CapturedOutputs ref = encoder(new float[] {1, 0, 0, 1, 5, 5});
        CapturedOutputs cand = encoder(new float[] {1, 0, 0, 1, 5, 5});
        AgreementResult r = Agreement.compare("c02", cand, "c01", ref).get(0);
        assertEquals(null, r.pooledMeanCosine());
        assertEquals(null, r.pooledMinCosine());
        assertEquals(null, Agreement.compare("c2", one("y", new long[] {1, 2}, 1, 2), "c1",
                one("y", new long[] {1, 2}, 1, 2)).get(0).pooledMeanCosine());
        // A capture without masks is written in the first format and reads back without them.
        ref.write(dir.resolve("r.bin"));
        assertTrue(CapturedOutputs.read(dir.resolve("r.bin")).masks().isEmpty());
    }

    @Test
    void theAttentionMaskIsFoundByName() {
        io.inferbench.api.Tensor ids = longs(101, 7, 0);
        io.inferbench.api.Tensor mask = longs(1, 1, 0);
        assertEquals(mask, OutputCapture.attentionMask(Map.of("input_ids", ids, "attention_mask", mask)));
        assertEquals(mask, OutputCapture.attentionMask(Map.of("input_ids", ids, "input_mask", mask)));
        assertEquals(null, OutputCapture.attentionMask(Map.of("input_ids", ids)));
    }

    private static io.inferbench.api.Tensor longs(long... v) {
        long[] shape = {1, v.length};
        java.nio.ByteBuffer b = io.inferbench.api.Tensor.allocate(io.inferbench.api.DType.INT64, shape);
        for (long x : v) {
            b.putLong(x);
        }
        return new io.inferbench.api.Tensor(io.inferbench.api.DType.INT64, shape, b.flip());
    }
}
