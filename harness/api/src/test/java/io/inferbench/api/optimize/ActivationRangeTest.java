package io.inferbench.api.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferbench.api.optimize.OptimizationStep.Calibration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A range rebuilt from its snapshot (as a calibration child JVM hands it back) gives the same ranges. */
class ActivationRangeTest {
    @Test
    void aSnapshotCarriesEverythingTheMethodsRead() {
        ActivationRange r = new ActivationRange();
        SplittableRandom random = new SplittableRandom(7);
        for (int s = 0; s < 5; s++) {
            float[] v = new float[1000];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * (1 + s)) + (i == 0 ? 40 : 0);
            }
            r.add(v);
        }
        ActivationRange copy = ActivationRange.of(r.snapshot());
        assertEquals(r.count(), copy.count());
        for (Calibration.Method m : Calibration.Method.values()) {
            assertArrayEquals(r.range(m), copy.range(m), m.spelling());
        }
        assertEquals(0, ActivationRange.of(new ActivationRange().snapshot()).count());
        assertThrows(IllegalArgumentException.class, () -> new ActivationRange.Snapshot(0, 1, 1, 1, new long[3]));
    }

    @Test
    void observeStreamsSamplesIntoOneRangePerOutput() throws Exception {
        ActivationSampler sampler = (model, outputs, samples, each) -> {
            for (int s = 0; s < samples; s++) {
                each.accept(Map.of("a", new float[] {-s, s}, "b", new float[] {2f * s}));
            }
            return samples;
        };
        ActivationSampler.Observed o = sampler.observe(Path.of("m.onnx"), List.of("a", "b"), 3);
        assertEquals(3, o.runs());
        assertArrayEquals(new float[] {-2, 2}, o.ranges().get("a").range(Calibration.Method.MINMAX));
        assertArrayEquals(new float[] {0, 4}, o.ranges().get("b").range(Calibration.Method.MINMAX));
    }
}
