package io.inferbench.scenario;

import java.util.List;

/**
 * How texts are padded before they are fed ({@code inputs.text.padding}): to the sequence length
 * (as a fixed-shape export needs), not at all, to the longest text of the batch, or up to the next
 * of a few bucket lengths (what many model servers do).
 */
public sealed interface TextPadding {
    /** The default: every text padded to {@code sequence-length}, the shape most published figures use. */
    TextPadding DEFAULT = new MaxLength();

    /** The scenario's spelling: {@code max-length}, {@code none}, {@code batch-longest} or {@code buckets[16,32]}. */
    String describe();

    /**
     * The length a batch is fed at.
     *
     * @param longest        tokens of the batch's longest text (already truncated to the sequence length)
     * @param sequenceLength {@code inputs.sequence-length}
     */
    int paddedLength(int longest, int sequenceLength);

    /** Whether every query has the same shape (so a model with a fixed sequence dimension accepts it). */
    default boolean fixedShape() {
        return false;
    }

    /** Every text padded to the sequence length. */
    record MaxLength() implements TextPadding {
        @Override
        public String describe() {
            return "max-length";
        }

        @Override
        public int paddedLength(int longest, int sequenceLength) {
            return sequenceLength;
        }

        @Override
        public boolean fixedShape() {
            return true;
        }
    }

    /** Each text at its own length; one text per query. */
    record None() implements TextPadding {
        @Override
        public String describe() {
            return "none";
        }

        @Override
        public int paddedLength(int longest, int sequenceLength) {
            return longest;
        }
    }

    /** A batch padded to its longest text. */
    record BatchLongest() implements TextPadding {
        @Override
        public String describe() {
            return "batch-longest";
        }

        @Override
        public int paddedLength(int longest, int sequenceLength) {
            return longest;
        }
    }

    /**
     * Padded up to the smallest bucket that holds the batch's longest text; past the largest bucket,
     * to the sequence length.
     *
     * @param lengths ascending bucket lengths
     */
    record Buckets(List<Integer> lengths) implements TextPadding {
        public Buckets {
            lengths = List.copyOf(lengths);
        }

        @Override
        public String describe() {
            return "buckets" + lengths.toString().replace(" ", "");
        }

        @Override
        public int paddedLength(int longest, int sequenceLength) {
            for (int b : lengths) {
                if (b >= longest) {
                    return Math.min(b, sequenceLength);
                }
            }
            return sequenceLength;
        }
    }
}
