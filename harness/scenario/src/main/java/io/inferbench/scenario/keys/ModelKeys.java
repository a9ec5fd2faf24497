package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Text;
import java.util.List;

/** {@code model:}: the model file, local or in a Maven jar, and its format. */
public final class ModelKeys {
    public static final KeySpec NAME = KeySpec.of("name", Text.ANY,
            "Display name in results and reports. Default: the file or entry name.");
    public static final FileKeys FILE = FileKeys.describing("The model file", "the model");
    public static final KeySpec FORMAT = KeySpec.of("format",
            new Choice(List.of("onnx", "savedmodel", "graphdef", "torchscript", "none")), "Model format. Default: "
                    + "from the file extension (.onnx, .pb graphdef, .pt/.pth/.torchscript, a directory is a savedmodel).");

    public static final SectionSpec SECTION = new SectionSpec("model", "The model to load: path: file.onnx, or maven: "
            + "group:artifact:version with entry: file-in-jar. Required unless the backend needs no model (synthetic).",
            List.of(NAME, FILE.path(), FILE.maven(), FILE.entry(), FORMAT), List.of(FILE.rule()));

    private ModelKeys() {
    }

    /** The formats {@code format:} names, in order. */
    public static List<String> formats() {
        return ((Choice) FORMAT.type()).values();
    }
}
