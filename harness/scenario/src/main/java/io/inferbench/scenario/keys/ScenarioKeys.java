package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Matrix;
import io.inferbench.scenario.keys.ValueType.Text;
import java.util.List;

/**
 * The top level of a scenario file: every key, each section's keys by reference. This and the other
 * {@code *Keys} classes are the one definition of the scenario format: the binder checks files
 * against them and the published JSON Schema is generated from them.
 */
public final class ScenarioKeys {
    public static final String TITLE = "InferBench scenario";

    public static final KeySpec NAME = KeySpec.of("name", Text.ANY,
            "Scenario name. Default: the file name without .yaml.");
    public static final KeySpec DESCRIPTION = KeySpec.of("description", Text.ANY,
            "Free text shown in results and reports.").withDefault("");
    public static final KeySpec MODEL = KeySpec.section("model", ModelKeys.SECTION);
    public static final KeySpec INPUTS = KeySpec.section("inputs", InputKeys.SECTION);
    public static final KeySpec BACKEND = KeySpec.section("backend", BackendKeys.SECTION);
    public static final KeySpec HARDWARE = KeySpec.section("hardware", HardwareKeys.SECTION);
    public static final KeySpec LOAD = KeySpec.section("load", LoadKeys.SECTION);
    public static final KeySpec OPTIMIZATION = KeySpec.section("optimization", OptimizationKeys.SECTION);
    public static final KeySpec RUN = KeySpec.section("run", RunKeys.SECTION);
    public static final KeySpec RECOMMEND = KeySpec.section("recommend", RecommendKeys.SECTION);
    public static final KeySpec ACCURACY = KeySpec.section("accuracy", AccuracyKeys.SECTION);
    public static final KeySpec GATE = KeySpec.section("gate", GateKeys.SECTION);
    public static final KeySpec COMPARE = KeySpec.section("compare", CompareKeys.SECTION);
    public static final KeySpec BASELINE = KeySpec.of("baseline", new Text(null, 1), "Which configuration this one is "
            + "compared with in the report: the label of a matrix variant; the baseline is the configuration with that "
            + "variant on its axis and every other axis the same (e.g. on a backend variant djl-tensorflow, baseline: "
            + "tensorflow). Without it, the first earlier configuration fed the same inputs.");
    /** Variants override the per-configuration keys; name, description, recommend, accuracy, compare and gate are scenario-wide. */
    public static final KeySpec MATRIX = KeySpec.of("matrix", new Matrix(MatrixKeys.SWEEP, MatrixKeys.AXIS,
            MatrixKeys.VARIANTS, MatrixKeys.FRAGMENT,
            List.of(MODEL, INPUTS, BACKEND, HARDWARE, LOAD, OPTIMIZATION, RUN, BASELINE)), MatrixKeys.DESCRIPTION);

    public static final SectionSpec SCENARIO = new SectionSpec(null, "A benchmark scenario: what model to load, on "
            + "which backend and device, fed with what inputs, under which load, for how long; optionally a matrix of "
            + "configurations.", List.of(NAME, DESCRIPTION, MODEL, INPUTS, BACKEND, HARDWARE, LOAD, OPTIMIZATION, RUN,
            RECOMMEND, ACCURACY, COMPARE, GATE, BASELINE, MATRIX),
            List.of(new SectionRule.NeedsBackendAndModel(MATRIX.name(), BACKEND.name(), BackendKeys.NAME.name(),
                    MODEL.name(), "Without a matrix, the scenario itself needs a backend, and a model unless the "
                    + "backend is synthetic (with a matrix, the variants may supply them).")));

    private ScenarioKeys() {
    }
}
