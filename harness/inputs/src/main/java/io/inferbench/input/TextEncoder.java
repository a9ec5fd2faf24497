package io.inferbench.input;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.inferbench.model.InferbenchDirs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Tokenizes text with a HuggingFace {@code tokenizer.json} (DJL's bindings to the Rust tokenizers
 * library, whose natives ship in the jar), padded and truncated to a fixed sequence length.
 * Runs offline: DJL is told so, and unpacks its natives into InferBench's cache.
 */
public final class TextEncoder implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    /** Token ids, attention mask and type ids of one text, each of the sequence length. */
    public record Encoded(long[] ids, long[] attentionMask, long[] typeIds) {
        /**
         * The text's own tokens (the attention mask's ones; they lead, as the tokenizer pads on the
         * right), so cutting the arrays to any length from this up keeps the whole text.
         */
        public int tokens() {
            int n = 0;
            for (long m : attentionMask) {
                n += m != 0 ? 1 : 0;
            }
            if (n > 0 && n < attentionMask.length && attentionMask[0] == 0) {
                throw new IllegalStateException("the tokenizer pads on the left; InferBench only cuts right padding");
            }
            return n;
        }
    }

    private TextEncoder(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static TextEncoder open(Path tokenizerJson, int sequenceLength) throws IOException {
        configureDjl();
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optMaxLength(sequenceLength)
                    .optPadToMaxLength()
                    .optTruncation(true)
                    .build();
            return new TextEncoder(t);
        } catch (RuntimeException e) {
            throw new IOException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    /** DJL reads these when it first loads natives; set them before, without overriding the user's. */
    static void configureDjl() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", InferbenchDirs.cache().resolve("djl").toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    public Encoded encode(String text) {
        Encoding e = tokenizer.encode(text);
        return new Encoded(e.getIds(), e.getAttentionMask(), e.getTypeIds());
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
