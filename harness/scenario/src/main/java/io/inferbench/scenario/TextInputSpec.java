package io.inferbench.scenario;

import java.nio.file.Path;

/**
 * Real text input.
 *
 * @param file      text file, one sample per non-empty line
 * @param tokenizer a HuggingFace {@code tokenizer.json}; null means "find the model's own"
 * @param padding   how the texts are padded before they are fed
 */
public record TextInputSpec(Path file, ModelSource tokenizer, TextPadding padding) {
    public TextInputSpec {
        padding = padding == null ? TextPadding.DEFAULT : padding;
    }

    /** Padded to the sequence length, as before padding was a choice. */
    public TextInputSpec(Path file, ModelSource tokenizer) {
        this(file, tokenizer, TextPadding.DEFAULT);
    }
}
