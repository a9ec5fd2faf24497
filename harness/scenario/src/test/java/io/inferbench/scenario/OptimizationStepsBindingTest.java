package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.optimize.OptimizationStep;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code optimization.steps}: bound through the optimizer's own validation, located at the field it names. */
class OptimizationStepsBindingTest {
    private static Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of("test.yaml"), Path.of("."), "backend: { name: synthetic }\n" + yaml);
    }

    private static String problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void stepsBindInOrderWithTheirDefaults() throws Exception {
        ConfigurationSpec c = parse("""
                optimization:
                  steps:
                    - prune: { sparsity: 0.5 }
                    - quantize: { mode: dynamic-int8, per-channel: true }
                """).configurations().get(0);
        assertEquals(List.of(OptimizationStep.Prune.magnitude(0.5), new OptimizationStep.Quantize(
                OptimizationStep.Quantize.Mode.DYNAMIC_INT8, OptimizationStep.Quantize.WeightType.INT8, true, null,
                null, null)), c.optimizationSteps());
        assertTrue(c.settings().get("optimization.steps[1]").startsWith("quantize (mode=dynamic-int8"),
                c.settings().toString());
        assertEquals(List.of(), parse("").configurations().get(0).optimizationSteps());
    }

    @Test
    void aMatrixAxisVariesTheSteps() throws Exception {
        List<ConfigurationSpec> cs = parse("""
                matrix:
                  precision:
                    fp32: {}
                    int8: { optimization: { steps: [ { quantize: { mode: dynamic-int8 } } ] } }
                    fp16: { optimization: { steps: [ { fp16: {} } ] } }
                """).configurations();
        assertEquals(3, cs.size());
        assertEquals(List.of(), cs.get(0).optimizationSteps());
        assertEquals(List.of(OptimizationStep.Quantize.dynamicInt8()), cs.get(1).optimizationSteps());
        assertEquals(List.of(new OptimizationStep.Fp16(true, null)), cs.get(2).optimizationSteps());
    }

    @Test
    void badSettingsAreRejectedAtTheirLineWithTheField() {
        String sparsity = problems("""
                optimization:
                  steps:
                    - prune:
                        sparsity: 1.5
                """);
        assertTrue(sparsity.contains("test.yaml:5:"), sparsity);
        assertTrue(sparsity.contains("optimization.steps[0].prune.sparsity"), sparsity);
        assertTrue(sparsity.contains("expected a fraction in [0, 1), got 1.5"), sparsity);

        String mode = problems("optimization: { steps: [ { quantize: { mode: int4 } } ] }");
        assertTrue(mode.contains("quantize.mode: expected one of [dynamic-int8, static-int8], got 'int4'"), mode);

        String unknown = problems("optimization: { steps: [ { distill: {} } ] }");
        assertTrue(unknown.contains("distill"), unknown);

        String calibration = problems("optimization: { steps: [ { quantize: { mode: static-int8 } } ] }");
        assertTrue(calibration.contains("static-int8 needs calibration data"), calibration);

        String two = problems("optimization: { steps: [ { fp16: {}, prune: { sparsity: 0.1 } } ] }");
        assertTrue(two.contains("each step is one key"), two);
    }
}
