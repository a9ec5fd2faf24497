package io.inferbench.run;

import io.inferbench.api.ModelFormat;
import io.inferbench.api.TensorSpec;
import io.inferbench.input.InputPlan;
import io.inferbench.model.ResolvedModel;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ConversionInfo;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.scenario.ConfigurationSpec;
import java.util.List;

/**
 * A configuration after preflight: its files are local and its inputs agree with the model.
 *
 * @param spec        the configuration
 * @param model       the resolved model; after a conversion, the converted one
 * @param tokenizer   the resolved tokenizer, or null for random inputs
 * @param texts       lines of text, or null for random inputs
 * @param plan        the inputs as they will be fed; null when the model could not be inspected
 *                    (the run then reports why)
 * @param outputs     the model's outputs, or empty
 * @param loadFormat  the format the backend loads: the scenario's, or the conversion's target
 * @param conversion  how the harness converted the model, or null
 * @param notRunnable why the configuration cannot run at all (e.g. its model could not be
 *                    converted), or null; the run records it without starting anything
 * @param optimizations the {@code optimization.steps} applied to the model (which is their product), or empty
 */
public record PreparedConfiguration(ConfigurationSpec spec, ResolvedModel model, ResolvedModel tokenizer,
                                    List<String> texts, InputPlan plan, List<TensorSpec> outputs,
                                    ModelFormat loadFormat, ConversionInfo conversion, NotRunnable notRunnable,
                                    List<OptimizationInfo> optimizations) {
    public PreparedConfiguration {
        optimizations = optimizations == null ? List.of() : List.copyOf(optimizations);
    }

    /** A configuration without optimization steps. */
    public PreparedConfiguration(ConfigurationSpec spec, ResolvedModel model, ResolvedModel tokenizer,
                                 List<String> texts, InputPlan plan, List<TensorSpec> outputs,
                                 ModelFormat loadFormat, ConversionInfo conversion, NotRunnable notRunnable) {
        this(spec, model, tokenizer, texts, plan, outputs, loadFormat, conversion, notRunnable, List.of());
    }

    /** Why a configuration is recorded without running, and as what. */
    public record NotRunnable(ConfigurationStatus status, String reason) {
    }

    /** A configuration whose model is loaded as the scenario gives it. */
    public PreparedConfiguration(ConfigurationSpec spec, ResolvedModel model, ResolvedModel tokenizer,
                                 List<String> texts, InputPlan plan, List<TensorSpec> outputs) {
        this(spec, model, tokenizer, texts, plan, outputs, spec.model().format(), null, null);
    }
}
