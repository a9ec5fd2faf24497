package io.inferbench.run;

import io.inferbench.api.TensorSpec;
import io.inferbench.input.InputPlan;
import io.inferbench.model.ResolvedModel;
import io.inferbench.scenario.ConfigurationSpec;
import java.util.List;

/**
 * A configuration after preflight: its files are local and its inputs agree with the model.
 *
 * @param spec      the configuration
 * @param model     the resolved model
 * @param tokenizer the resolved tokenizer, or null for random inputs
 * @param texts     lines of text, or null for random inputs
 * @param plan      the inputs as they will be fed; null when the model could not be inspected
 *                  (the run then reports why)
 * @param outputs   the model's outputs, or empty
 */
public record PreparedConfiguration(ConfigurationSpec spec, ResolvedModel model, ResolvedModel tokenizer,
                             List<String> texts, InputPlan plan, List<TensorSpec> outputs) {
}
