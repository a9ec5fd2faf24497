package io.inferbench.model;

import java.nio.file.Path;

/**
 * A model or tokenizer file available locally.
 *
 * @param path      the local file or directory
 * @param source    where it came from, for results
 * @param sizeBytes size (sum for a directory)
 * @param sha256    content hash (empty for directories)
 */
public record ResolvedModel(Path path, String source, long sizeBytes, String sha256) {
}
