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
}
