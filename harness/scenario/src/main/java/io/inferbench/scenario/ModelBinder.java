package io.inferbench.scenario;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.scenario.keys.FileKeys;
import io.inferbench.scenario.keys.ModelKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds {@code model:} (and any file given as {@code path:} or {@code maven:} with {@code entry:},
 * such as a tokenizer): where the file is, that a local one exists, and its format, which the
 * backend must load or an installed converter must take to one it loads.
 */
final class ModelBinder {
    private final Path baseDir;
    private final Map<String, SourceLocation> locations;
    /** Whether an installed converter takes a format to one the backend loads. */
    private final BiPredicate<BackendProvider, ModelFormat> convertible;

    ModelBinder(Path baseDir, Map<String, SourceLocation> locations,
                BiPredicate<BackendProvider, ModelFormat> convertible) {
        this.baseDir = baseDir;
        this.locations = locations;
        this.convertible = convertible;
    }

    /** Remembers where {@code path} was declared, for errors found later (e.g. by the runner's preflight). */
    void locate(String path, Node node) {
        if (node != null) {
            locations.put(path, new SourceLocation(node.getStartMark().getLine() + 1,
                    node.getStartMark().getColumn() + 1));
        }
    }

    /** The model, none for a backend that needs no model, or null after recording a problem. */
    ModelSpec model(YamlMap root, BackendProvider provider) {
        YamlMap m = root.map(ScenarioKeys.MODEL);
        if (m == null) {
            if (root.has(ScenarioKeys.MODEL.name())) {
                return null;
            }
            if (provider != null && !provider.formats().contains(ModelFormat.NONE)) {
                return root.problem("missing required section 'model' (path: file.onnx, or maven: g:a:v with "
                        + "entry: file.onnx)");
            }
            return new ModelSpec("none", new ModelSource.None(), ModelFormat.NONE);
        }
        locate("model", m.node());
        ModelSource source = source(m, ModelKeys.FILE, "model");
        if (source == null) {
            return null;
        }
        String fileName = source instanceof ModelSource.LocalFile f ? f.path().getFileName().toString()
                : source instanceof ModelSource.MavenEntry e ? e.entry().substring(e.entry().lastIndexOf('/') + 1)
                : "none";
        String formatName = m.choice(ModelKeys.FORMAT);
        ModelFormat format = formatName != null ? format(formatName) : formatOf(fileName);
        if (format == null) {
            return m.problem("cannot tell the model format from '" + fileName + "': set format: to one of "
                    + String.join(", ", ModelKeys.formats()));
        }
        if (provider != null && !provider.formats().contains(format) && !convertible.test(provider, format)) {
            return m.problem("backend '" + provider.name() + "' cannot load " + format.name().toLowerCase(Locale.ROOT)
                    + " models; it loads " + provider.formats().stream()
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
        return new ModelSpec(m.string(ModelKeys.NAME.name(), fileName), source, format);
    }

    /** {@code path:} or {@code maven:} + {@code entry:}, checked for existence where that is local. */
    ModelSource source(YamlMap m, FileKeys keys, String what) {
        boolean hasPath = m.has(keys.path().name());
        boolean hasMaven = m.has(keys.maven().name()) || m.has(keys.entry().name());
        if (hasPath && hasMaven) {
            return m.problem("give either path: or maven: with entry:, not both");
        }
        if (hasPath) {
            String p = m.string(keys.path());
            if (p == null) {
                return null;
            }
            Path file = baseDir.resolve(p).normalize();
            if (!Files.exists(file)) {
                return m.problem(keys.path().name(), what + " file not found: " + file);
            }
            return new ModelSource.LocalFile(file);
        }
        if (hasMaven) {
            String coords = m.requiredString(keys.maven());
            String entry = m.requiredString(keys.entry());
            if (coords == null || entry == null) {
                return null;
            }
            return MavenCoordinates.parse(coords)
                    .<ModelSource>map(c -> new ModelSource.MavenEntry(c, entry))
                    .orElseGet(() -> m.problem(keys.maven().name(), "expected Maven coordinates "
                            + "group:artifact:version, got '" + coords + "'"));
        }
        return m.problem("missing the " + what + " location: path: file, or maven: group:artifact:version with "
                + "entry: file-in-jar");
    }

    private static ModelFormat format(String name) {
        return switch (name) {
            case "onnx" -> ModelFormat.ONNX;
            case "savedmodel" -> ModelFormat.SAVED_MODEL;
            case "graphdef" -> ModelFormat.GRAPH_DEF;
            case "torchscript" -> ModelFormat.TORCHSCRIPT;
            default -> ModelFormat.NONE;
        };
    }

    static ModelFormat formatOf(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".onnx")) {
            return ModelFormat.ONNX;
        }
        if (f.endsWith(".pb")) {
            return ModelFormat.GRAPH_DEF;
        }
        if (f.endsWith(".pt") || f.endsWith(".pth") || f.endsWith(".torchscript")) {
            return ModelFormat.TORCHSCRIPT;
        }
        return f.contains(".") ? null : ModelFormat.SAVED_MODEL;
    }
}
