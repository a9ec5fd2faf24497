package io.inferbench.scenario;

import io.inferbench.api.DType;
import io.inferbench.scenario.keys.InputKeys;
import io.inferbench.scenario.keys.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Binds {@code inputs:}: sizes and seed, real text with its tokenizer, and per-input tensor overrides. */
final class InputBinder {
    private final Problems problems;
    private final Path baseDir;
    private final ModelBinder files;

    InputBinder(Problems problems, Path baseDir, ModelBinder files) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.files = files;
    }

    /** The inputs (the defaults when {@code m} is null), or null after recording a problem. */
    InputSpec inputs(YamlMap m) {
        if (m == null) {
            return new InputSpec(InputKeys.BATCH_SIZE.defaultInt(), InputKeys.SEQUENCE_LENGTH.defaultInt(),
                    InputKeys.SAMPLES.defaultInt(), InputKeys.SEED.defaultLong(), null, Map.of());
        }
        Integer batch = m.smallInteger(InputKeys.BATCH_SIZE);
        Integer seq = m.smallInteger(InputKeys.SEQUENCE_LENGTH);
        Integer samples = m.smallInteger(InputKeys.SAMPLES);
        Long seed = m.integer(InputKeys.SEED);
        TextInputSpec text = text(m.map(InputKeys.TEXT), batch);
        String orderName = m.choice(InputKeys.ORDER);
        SampleOrder order = orderName == null ? null : SampleOrder.valueOf(orderName.toUpperCase(java.util.Locale.ROOT));
        Path data = data(m.map(InputKeys.DATA));
        if (data != null && text != null) {
            m.problem(InputKeys.DATA.name(), "give either inputs.text or inputs.data, not both");
        }
        Map<String, TensorOverride> tensors = new LinkedHashMap<>();
        String key = InputKeys.TENSORS.name();
        Node tn = m.raw(key);
        if (tn instanceof MappingNode tmap) {
            for (var entry : YamlMap.entries(tmap, m.child(key), problems)) {
                String name = entry.getKey();
                TensorOverride o = tensor(name, YamlMap.of(entry.getValue(), m.child(key) + "." + name,
                        problems, InputKeys.TENSOR_OVERRIDE.keyNames()), YamlMap.keyNode(tmap, name));
                if (o != null) {
                    tensors.put(name, o);
                }
            }
        } else if (tn != null) {
            m.problem(key, "expected a mapping of input name to { dtype, shape, range }");
        }
        if (batch == null || seq == null || samples == null || seed == null) {
            return null;
        }
        return new InputSpec(batch, seq, samples, seed, text, tensors, order, data);
    }

    /** {@code inputs.text}: the file (which must exist) and where its tokenizer comes from; null when absent or bad. */
    private TextInputSpec text(YamlMap t, Integer batch) {
        if (t == null) {
            return null;
        }
        TextPadding padding = padding(t);
        if (padding instanceof TextPadding.None && batch != null && batch > 1) {
            t.problem(InputKeys.TEXT_PADDING.name(), "padding: none feeds each text at its own length, one per "
                    + "query, so it needs batch-size 1 (got " + batch + "); use batch-longest or buckets to batch");
        }
        String file = t.requiredString(InputKeys.TEXT_FILE);
        Path p = file == null ? null : baseDir.resolve(file).normalize();
        if (p != null && !Files.isRegularFile(p)) {
            t.problem(InputKeys.TEXT_FILE.name(), "text file not found: " + p);
            p = null;
        }
        ModelSource tok = null;
        YamlMap tm = t.map(InputKeys.TEXT_TOKENIZER);
        if (tm != null) {
            files.locate("inputs.text.tokenizer", tm.node());
            tok = files.source(tm, InputKeys.TOKENIZER_FILE, "tokenizer");
        }
        return p == null ? null : new TextInputSpec(p, tok, padding);
    }

    /** {@code inputs.text.padding}: a name, or {@code { buckets: [...] }} ascending; the default when absent. */
    private TextPadding padding(YamlMap t) {
        String key = InputKeys.TEXT_PADDING.name();
        Node n = t.raw(key);
        if (n == null) {
            return TextPadding.DEFAULT;
        }
        if (n instanceof MappingNode) {
            YamlMap b = t.map(key, InputKeys.PADDING_BUCKETS.keyNames());
            List<Node> items = b.list(InputKeys.BUCKETS.name());
            if (items == null) {
                return b.has(InputKeys.BUCKETS.name()) ? null : b.problem("expected { buckets: [16, 32, 64, 128] }");
            }
            List<Integer> lengths = new ArrayList<>();
            for (Node item : items) {
                Long v = YamlMap.integer(item, b.child(InputKeys.BUCKETS.name()), 1, problems);
                if (v != null && !lengths.isEmpty() && v <= lengths.get(lengths.size() - 1)) {
                    return b.problem(InputKeys.BUCKETS.name(), "bucket lengths must be ascending, got " + v
                            + " after " + lengths.get(lengths.size() - 1));
                }
                if (v != null) {
                    lengths.add((int) Math.min(v, Integer.MAX_VALUE));
                }
            }
            return lengths.isEmpty() ? b.problem(InputKeys.BUCKETS.name(), "expected at least one bucket length")
                    : new TextPadding.Buckets(lengths);
        }
        String name = YamlMap.choice(n, t.child(key), InputKeys.PADDING_NAMES, problems);
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "none" -> new TextPadding.None();
            case "batch-longest" -> new TextPadding.BatchLongest();
            default -> TextPadding.DEFAULT;
        };
    }

    /**
     * {@code inputs.data.file}: a .jsonl, .npy or .npz file, or a folder in ONNX's test-data layout, that
     * exists; null when absent or bad.
     */
    private Path data(YamlMap d) {
        if (d == null) {
            return null;
        }
        String file = d.requiredString(InputKeys.DATA_FILE);
        if (file == null) {
            return null;
        }
        Path p = baseDir.resolve(file).normalize();
        if (Files.isDirectory(p)) {
            return p; // ONNX's test-data layout: its .pb files are read against the model in preflight
        }
        String lower = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".jsonl") || lower.endsWith(".npy") || lower.endsWith(".npz"))) {
            return d.problem(InputKeys.DATA_FILE.name(), "expected a .jsonl, .npy or .npz file, or a folder of "
                    + "ONNX TensorProto .pb files, got " + p.getFileName());
        }
        if (!Files.isRegularFile(p)) {
            return d.problem(InputKeys.DATA_FILE.name(), "data file not found: " + p);
        }
        return p;
    }

    private TensorOverride tensor(String name, YamlMap m, Node keyNode) {
        if (m == null) {
            return null;
        }
        DType dtype = null;
        String d = m.string(InputKeys.DTYPE);
        if (d != null) {
            dtype = DType.parse(d);
            if (dtype == null) {
                List<String> ids = ((ValueType.Choice) InputKeys.DTYPE.type()).values();
                m.problem(InputKeys.DTYPE.name(), "unknown dtype '" + d + "'." + Suggestions.didYouMean(d, ids)
                        + " Expected one of: " + String.join(", ", ids));
            }
        }
        List<String> shape = null;
        List<Node> dims = m.list(InputKeys.SHAPE.name());
        if (dims != null) {
            shape = new ArrayList<>();
            for (Node dim : dims) {
                String v = dim instanceof ScalarNode s ? s.getValue() : "";
                if (!v.matches(ValueType.Dimensions.DIMENSION)) {
                    m.problem(InputKeys.SHAPE.name(), "each dimension must be a number, batch or sequence, got "
                            + YamlMap.describe(dim));
                }
                shape.add(v);
            }
        }
        Double low = null;
        Double high = null;
        String rangeKey = InputKeys.RANGE.name();
        List<Node> range = m.list(rangeKey);
        if (range != null) {
            if (range.size() != 2) {
                m.problem(rangeKey, "expected [low, high]");
            } else {
                low = YamlMap.number(range.get(0), m.child(rangeKey), -Double.MAX_VALUE, problems);
                high = YamlMap.number(range.get(1), m.child(rangeKey), -Double.MAX_VALUE, problems);
                if (low != null && high != null && high <= low) {
                    m.problem(rangeKey, "high must be greater than low");
                }
            }
        }
        return new TensorOverride(name, dtype, shape, low, high, keyNode.getStartMark().getLine() + 1,
                keyNode.getStartMark().getColumn() + 1);
    }
}
