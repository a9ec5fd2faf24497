package io.inferbench.scenario;

import java.nio.file.Path;

/**
 * Real text input.
 *
 * @param file      text file, one sample per non-empty line
 * @param tokenizer a HuggingFace {@code tokenizer.json}; null means "find the model's own"
 */
public record TextInputSpec(Path file, ModelSource tokenizer) {
}
