package io.inferbench.optimize;

import io.inferbench.api.optimize.OptimizationStep;
import io.inferbench.api.optimize.StepSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.optimize.OptimizationStep.Prune;
import io.inferbench.api.optimize.OptimizationStep.Quantize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizationStepTest {
    @Test
    void defaultsAreOnnxRuntimesAndOnnxconverterCommons() {
        var steps = StepSettings.parse(List.of(Map.of("quantize", Map.of("mode", "dynamic-int8")),
                Map.of("fp16", Map.of()), Map.of("prune", Map.of("sparsity", 0.5))));
        assertEquals(Quantize.dynamicInt8(), steps.get(0));
        assertEquals(new OptimizationStep.Fp16(true, null), steps.get(1));
        assertEquals(Prune.magnitude(0.5), steps.get(2));
        assertTrue(((OptimizationStep.Fp16) steps.get(1)).opBlockList().contains("Resize"));
    }

    @Test
    void badSettingsAreRejectedNamingTheField() {
        assertMessage("quantize.mode: expected one of [dynamic-int8, static-int8], got 'int4'",
                () -> StepSettings.parse(List.of(Map.of("quantize", Map.of("mode", "int4")))));
        assertMessage("prune.sparsity: expected a fraction in [0, 1), got 1.0", () -> Prune.magnitude(1.0));
        assertMessage("prune.sparsity: expected a fraction in [0, 1), got -0.1", () -> Prune.magnitude(-0.1));
        assertMessage("prune.sparsity: expected a fraction in [0, 1), got NaN", () -> Prune.magnitude(Double.NaN));
        assertMessage("quantize.weight-type: expected one of [int8, uint8], got 'int4'",
                () -> StepSettings.parse(List.of(Map.of("quantize", Map.of("weight-type", "int4")))));
        assertMessage("optimization.steps: unknown step 'distill'",
                () -> StepSettings.parse(List.of(Map.of("distill", Map.of()))));
        assertMessage("quantize.per-chanel: unknown setting",
                () -> StepSettings.parse(List.of(Map.of("quantize", Map.of("per-chanel", true)))));
        assertMessage("quantize.calibration: dynamic-int8 computes activation ranges at run time",
                () -> StepSettings.parse(List.of(Map.of("quantize", Map.of("calibration", Map.of("inputs", true))))));
        assertMessage("quantize.calibration: expected a dataset or inputs", () -> StepSettings.parse(List.of(
                Map.of("quantize", Map.of("mode", "static-int8", "calibration", Map.of("samples", 10))))));
    }

    @Test
    void stepsThatNeedARuntimeOrCalibrationDataAreRejectedWithTheReason() {
        var staticInt8 = StepSettings.parse(List.of(Map.of("quantize", Map.of("mode", "static-int8",
                "calibration", Map.of("inputs", true))))).get(0);
        assertMessage("quantize.mode: static-int8 needs calibration data",
                () -> OnnxOptimizer.pureJava().apply(TestGraphs.matMulAdd(), staticInt8));
        assertMessage("graph-optimize: needs ONNX Runtime", () -> OnnxOptimizer.pureJava().apply(TestGraphs.matMulAdd(),
                new OptimizationStep.GraphOptimize(OptimizationStep.GraphOptimize.Level.ALL)));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "', got '" + e.getMessage() + "'");
    }
}
