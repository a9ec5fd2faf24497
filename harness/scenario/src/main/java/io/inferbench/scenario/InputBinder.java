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
        TextInputSpec text = text(m.map(InputKeys.TEXT));
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
        return new InputSpec(batch, seq, samples, seed, text, tensors);
    }

    /** {@code inputs.text}: the file (which must exist) and where its tokenizer comes from; null when absent or bad. */
    private TextInputSpec text(YamlMap t) {
        if (t == null) {
            return null;
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
        return p == null ? null : new TextInputSpec(p, tok);
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
