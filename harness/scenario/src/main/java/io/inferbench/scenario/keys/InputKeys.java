package io.inferbench.scenario.keys;

import io.inferbench.api.DType;
import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.ChoiceOrSection;
import io.inferbench.scenario.keys.ValueType.Dimensions;
import io.inferbench.scenario.keys.ValueType.Interval;
import io.inferbench.scenario.keys.ValueType.ListOf;
import io.inferbench.scenario.keys.ValueType.MapOf;
import io.inferbench.scenario.keys.ValueType.Section;
import io.inferbench.scenario.keys.ValueType.Text;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.Arrays;
import java.util.List;

/** {@code inputs:}: how the input samples are built (random tensors or real text) and per-input overrides. */
public final class InputKeys {
    public static final FileKeys TOKENIZER_FILE = FileKeys.describing("The tokenizer.json file", "the tokenizer.json");
    public static final SectionSpec TOKENIZER = new SectionSpec("tokenizer", "Where the HuggingFace tokenizer.json "
            + "comes from: path, or maven with entry. Default: the tokenizer.json found in the model's jar or next to "
            + "the model file.", TOKENIZER_FILE.keys(), List.of(TOKENIZER_FILE.rule()));

    public static final KeySpec TEXT_FILE = KeySpec.of("file", Text.ANY, "Text file, one sample per non-empty line "
            + "(# starts a comment line), relative to the scenario file's folder. Must exist.").asRequired();
    public static final KeySpec TEXT_TOKENIZER = KeySpec.section("tokenizer", TOKENIZER);
    public static final KeySpec BUCKETS = KeySpec.of("buckets", new ListOf(Whole.intAtLeast(1), 1),
            "Ascending bucket lengths in tokens: a batch is padded up to the smallest bucket that holds its longest "
                    + "text, past the largest to sequence-length.").withExamples(List.of(16, 32, 64, 128));
    public static final SectionSpec PADDING_BUCKETS = new SectionSpec("paddingBuckets", "Pad up to the next of a few "
            + "lengths, as many model servers do.", List.of(BUCKETS));
    public static final List<String> PADDING_NAMES = List.of("max-length", "none", "batch-longest");
    public static final KeySpec TEXT_PADDING = KeySpec.of("padding", new ChoiceOrSection(new Choice(PADDING_NAMES),
            PADDING_BUCKETS), "How texts are padded before they are fed: max-length (every text to sequence-length, "
            + "the fixed shape most published figures use), none (each text at its own length, one per query: "
            + "batch-size must be 1), batch-longest (a batch to its longest text), or { buckets: [16, 32, 64, 128] }. "
            + "Texts are always truncated to sequence-length. All but max-length need a model whose sequence "
            + "dimension is dynamic.").withDefault("max-length");
    public static final SectionSpec TEXT_SECTION = new SectionSpec(null, "Feed real text, tokenized with the model's "
            + "tokenizer, instead of random tensors. The model needs an input_ids input.",
            List.of(TEXT_FILE, TEXT_TOKENIZER, TEXT_PADDING));

    public static final KeySpec DATA_FILE = KeySpec.of("file", Text.ANY, "The samples: a .jsonl file (one sample a "
            + "line: input name to a nested list, or to { shape: [...], data: [flat list] }), a .npy file (the "
            + "model's only input), a .npz file (one array per input name, first dimension = samples) or a folder "
            + "in ONNX's test-data layout (test_data_set_N/input_M.pb TensorProto files, one set per sample), "
            + "relative to the scenario file's folder. Must exist.").asRequired();
    public static final SectionSpec DATA_SECTION = new SectionSpec("inputData", "Feed the user's own samples "
            + "(perf_analyzer's --input-data), checked against the model's inputs before the run.", List.of(DATA_FILE));

    public static final KeySpec DTYPE = KeySpec.of("dtype",
            new Choice(Arrays.stream(DType.values()).map(DType::id).toList()),
            "Element type; must match the model's declared type. Default: the model's.");
    public static final KeySpec SHAPE = KeySpec.of("shape", new Dimensions("A dimension: a number, batch or sequence."),
            "Dimensions: numbers, or batch (= batch-size) / sequence (= sequence-length). Must have the model's rank "
                    + "and agree with its fixed dimensions. Default: the model's shape, dynamic dimensions filled with "
                    + "batch-size (first) and sequence-length (others).")
            .withExamples(List.of("batch", "sequence"));
    public static final KeySpec RANGE = KeySpec.of("range",
            new Interval("Lowest value (inclusive).", "Highest value (exclusive); greater than low."),
            "[low, high): random values are drawn from low (inclusive) to high (exclusive); high must be greater "
                    + "than low.");
    public static final SectionSpec TENSOR_OVERRIDE = new SectionSpec("tensorOverride", "Overrides what the model "
            + "declares for one input. Checked against the model before the run.", List.of(DTYPE, SHAPE, RANGE));

    public static final KeySpec BATCH_SIZE = KeySpec.of("batch-size", new Whole(1, 65_536),
            "Samples per query: the size of each input's dynamic batch (first) dimension.").withDefault(1L);
    public static final KeySpec SEQUENCE_LENGTH = KeySpec.of("sequence-length", new Whole(1, 1 << 20),
            "Size of the other dynamic dimensions (tokens per text).").withDefault(128L);
    public static final KeySpec SAMPLES = KeySpec.of("samples", new Whole(1, 1 << 20),
            "Distinct samples prepared before timing (MLPerf LoadGen's performance-sample count): all of them are "
                    + "built and handed to the backend up front, and queries draw only from them, so this bounds the "
                    + "memory the inputs take and how varied the traffic is.").withDefault(64L);
    public static final KeySpec ORDER = KeySpec.of("order", new Choice(List.of("cycle", "shuffle")),
            "The order queries draw the samples in: cycle (in turn) or shuffle (at random with replacement, seeded "
                    + "by seed, as LoadGen draws them).").withDefault("cycle");
    public static final KeySpec DATA = KeySpec.section("data", DATA_SECTION);
    public static final KeySpec SEED = KeySpec.of("seed", Whole.ANY,
            "Seed for random tensors and the shuffled order: the same seed gives the same samples in the same order.").withDefault(42L);
    public static final KeySpec TEXT = KeySpec.section("text", TEXT_SECTION);
    public static final KeySpec TENSORS = KeySpec.of("tensors", new MapOf(Text.ANY, new Section(TENSOR_OVERRIDE)),
            "Per-input overrides, keyed by the model's input name.");

    public static final SectionSpec SECTION = new SectionSpec("inputs", "How the input samples are built. They are "
            + "prepared before timing starts; queries cycle through them.",
            List.of(BATCH_SIZE, SEQUENCE_LENGTH, SAMPLES, SEED, ORDER, TEXT, DATA, TENSORS));

    private InputKeys() {
    }
}
