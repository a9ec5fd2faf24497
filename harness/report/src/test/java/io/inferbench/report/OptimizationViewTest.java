package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Optimization trade-offs" section: optimized configurations beside their original, or no section. */
class OptimizationViewTest {
    private static ConfigurationResult withSteps(ConfigurationResult c, List<OptimizationInfo> steps) {
        ConfigurationSetup s = c.setup();
        ModelInfo m = s.model();
        ModelInfo stepped = new ModelInfo(m.name(), m.source(), m.path(), m.format(), m.sizeBytes(), m.sha256(),
                m.conversion(), m.declared(), steps);
        return new ConfigurationResult(new ConfigurationSetup(s.id(), s.label(), s.axes(), s.backend(), s.device(),
                s.load(), stepped, s.feed(), s.baseline(), s.settings()), c.session(), c.outcome(), c.phases(),
                c.resources(), c.accuracy());
    }

    @Test
    void aRunWithoutStepsHasNoSection() {
        RunResult run = ReportFixtures.run();
        assertFalse(OptimizationView.of(run).any());
        assertFalse(new ReportRenderer().render(run).contains("Optimization trade-offs"));
    }

    @Test
    void anOptimizedConfigurationSitsBesideItsOriginalWithWhatItsStepsDid() {
        RunResult run = ReportFixtures.run();
        List<ConfigurationResult> configs = new ArrayList<>(run.configurations());
        OptimizationInfo quantize = new OptimizationInfo("quantize", "mode=dynamic-int8", "inferbench-optimize 2", 360,
                90_390_000, 22_930_000, List.of("MatMul_0"), List.of("MatMul_7: both inputs are activations"), null,
                "abc");
        configs.set(1, withSteps(configs.get(1), List.of(quantize)));
        RunResult optimized = run.withConfigurations(configs, run.finishedAt());
        OptimizationView view = OptimizationView.of(optimized);
        assertTrue(view.any());
        assertEquals(List.of("c01", "c02"), view.rows().stream().map(OptimizationView.Row::id).toList());
        assertEquals("original", view.rows().get(0).steps());
        assertEquals("quantize", view.rows().get(1).steps());
        assertTrue(view.rows().get(1).p50().endsWith("×)"), view.rows().get(1).p50());
        assertTrue(view.steps().get(0).effect().contains("1 node(s) changed, 1 left alone"), view.steps().toString());
        String html = new ReportRenderer().render(optimized);
        assertTrue(html.contains("Optimization trade-offs") && html.contains("MatMul_7: both inputs are activations"));
    }
}
