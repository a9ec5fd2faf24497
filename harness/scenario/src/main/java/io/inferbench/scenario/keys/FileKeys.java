package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.MavenCoordinates;
import io.inferbench.scenario.keys.ValueType.Text;
import java.util.List;

/**
 * The keys that locate a file, the model or a tokenizer: {@code path:} on disk, or {@code maven:}
 * with {@code entry:} inside that jar, exactly one of the two ({@link #rule()}).
 */
public record FileKeys(KeySpec path, KeySpec maven, KeySpec entry) {

    /**
     * @param onDisk  the file as a subject, e.g. {@code The model file}
     * @param content what the file or jar holds, e.g. {@code the model}
     */
    public static FileKeys describing(String onDisk, String content) {
        return new FileKeys(
                KeySpec.of("path", Text.ANY, onDisk + " on disk, relative to the scenario file's folder. Must exist. "
                        + "Give either path, or maven with entry."),
                KeySpec.of("maven", new MavenCoordinates(), "Maven coordinates group:artifact:version[:classifier] of "
                        + "a jar holding " + content + "; resolved from the local repository or fetched before the run. "
                        + "Needs entry."),
                KeySpec.of("entry", Text.ANY, "Path of " + content + " inside the Maven jar, e.g. model.onnx. "
                        + "Needs maven."));
    }

    public List<KeySpec> keys() {
        return List.of(path, maven, entry);
    }

    public SectionRule.LocalOrMaven rule() {
        return new SectionRule.LocalOrMaven(path.name(), maven.name(), entry.name());
    }
}
