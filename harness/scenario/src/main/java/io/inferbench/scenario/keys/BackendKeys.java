package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.AnyMapping;
import io.inferbench.scenario.keys.ValueType.Text;
import java.util.List;

/** {@code backend:}: which installed backend runs the model, and its options (each backend declares its own). */
public final class BackendKeys {
    public static final KeySpec NAME = KeySpec.of("name", Text.ANY, "An installed backend: onnxruntime, tensorflow, "
            + "djl-onnxruntime, djl-tensorflow, djl-pytorch, synthetic, or an adapter's name (./inferbench backends "
            + "lists them).").asRequired().withExamples("onnxruntime", "tensorflow", "synthetic");
    public static final KeySpec OPTIONS = KeySpec.of("options", new AnyMapping(), "Backend options; each backend "
            + "declares the options it accepts and rejects others. Options not given take the backend's defaults.");

    public static final SectionSpec SECTION = new SectionSpec("backend",
            "The backend that loads and runs the model, and its options.", List.of(NAME, OPTIONS),
            List.of(new SectionRule.OptionsOf(NAME.name(), OPTIONS.name(), SectionRule.Plugin.BACKEND)));

    private BackendKeys() {
    }
}
