package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.AnyMapping;
import io.inferbench.scenario.keys.ValueType.Decimal;
import io.inferbench.scenario.keys.ValueType.ListOf;
import io.inferbench.scenario.keys.ValueType.Section;
import io.inferbench.scenario.keys.ValueType.Text;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/** {@code accuracy:}, scenario-wide: the reference configuration, the confidence level and the tasks. */
public final class AccuracyKeys {
    public static final KeySpec TASK_NAME = KeySpec.of("name", Text.ANY,
            "The task's name in results (default: the evaluator's name); distinct per task.");
    public static final KeySpec EVALUATOR = KeySpec.of("evaluator", Text.ANY, "The evaluator: embedding-probe (text "
            + "encoders: logistic regression on mean-pooled embeddings of label<TAB>text lines), ocr-orientation "
            + "(PaddleOCR cls on rendered text lines, 0 vs 180 degrees), ocr-ctc (PaddleOCR rec: character accuracy "
            + "after CTC decoding), classification (class<TAB>values lines -> argmax), or a plug-in's name.")
            .asRequired();
    public static final KeySpec DATASET = KeySpec.of("dataset", Text.ANY, "The data file, relative to the scenario "
            + "file's folder; must exist. Required by embedding-probe and classification; optional text lines for the "
            + "OCR evaluators (default: seeded words).");
    public static final KeySpec SAMPLES = KeySpec.of("samples", Whole.intAtLeast(1),
            "Items to use at most (default: all, or 240 images / 120 lines for the OCR evaluators).");
    public static final KeySpec SEED = KeySpec.of("seed", Whole.ANY,
            "Seed of every random choice: the same items on every configuration.").withDefault(42L);
    public static final KeySpec BATCH_SIZE = KeySpec.of("batch-size", new Whole(1, 65_536), "Items per inference call.")
            .withDefault(16L);
    public static final KeySpec OPTIONS = KeySpec.of("options", new AnyMapping(), "The evaluator's own settings.");
    public static final SectionSpec TASK = new SectionSpec("accuracyTask", "One accuracy task: an evaluator (built in: "
            + "embedding-probe, ocr-orientation, ocr-ctc, classification; or a plug-in on the class path), its data and "
            + "settings. A configuration whose model does not fit the evaluator is skipped with a note.",
            List.of(TASK_NAME, EVALUATOR, DATASET, SAMPLES, SEED, BATCH_SIZE, OPTIONS),
            List.of(new SectionRule.OptionsOf(EVALUATOR.name(), OPTIONS.name(), SectionRule.Plugin.EVALUATOR)));

    public static final KeySpec AGREEMENT_SAMPLES = KeySpec.of("samples", new Whole(1, 4_096), "Samples each "
            + "configuration's outputs are captured and compared on (default: 64, or every prepared sample when "
            + "inputs.samples is smaller).");
    public static final KeySpec AGREEMENT_OUTPUTS = KeySpec.of("outputs", new ListOf(Text.ANY, 1), "The outputs "
            + "compared, by name, e.g. [last_hidden_state] (default: every output).");
    public static final SectionSpec AGREEMENT_SECTION = new SectionSpec("agreement", "Output agreement: each "
            + "configuration's outputs against the first configuration fed the same inputs, on the same samples. "
            + "Raw tensors give max and mean absolute error and cosine; a text encoder's [batch, seq, hidden] output "
            + "also gives the cosine of its attention-masked, mean-pooled embedding (what the tasks use).",
            List.of(AGREEMENT_SAMPLES, AGREEMENT_OUTPUTS));
    public static final KeySpec AGREEMENT = KeySpec.section("agreement", AGREEMENT_SECTION);

    public static final KeySpec REFERENCE = KeySpec.of("reference", Text.ANY, "The reference configuration: an id "
            + "(c01), a label, or axis=value pairs (precision=fp32) naming the first matching one. Default: the first "
            + "configuration.");
    public static final KeySpec CONFIDENCE = KeySpec.of("confidence", new Decimal(0, true, 1, true),
            "Confidence level of every interval.").withDefault(0.95);
    public static final KeySpec TASKS = KeySpec.of("tasks", new ListOf(new Section(TASK), 1), "The tasks, in order; "
            + "the first one's main metric is the configuration's accuracy for recommend.max-accuracy-drop and the "
            + "Pareto front. Required unless agreement is set.");

    public static final SectionSpec SECTION = new SectionSpec("accuracy", "Accuracy mode, scenario-wide: after each "
            + "configuration's measurement (outside any timed region, once per configuration, in the process holding "
            + "the model), every task scores it; each configuration's drop against the reference is paired over the "
            + "same items. Results, CLI summary and report show accuracy with confidence intervals; "
            + "recommend.max-accuracy-drop uses the first task.", List.of(REFERENCE, CONFIDENCE, TASKS, AGREEMENT),
            List.of(new SectionRule.RequiredUnless(TASKS.name(), AGREEMENT.name())));

    private AccuracyKeys() {
    }
}
