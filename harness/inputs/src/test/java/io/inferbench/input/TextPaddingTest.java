package io.inferbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.scenario.Problem;
import io.inferbench.scenario.TextInputSpec;
import io.inferbench.scenario.TextPadding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Texts fed at their own length, their batch's longest, a bucket, or the sequence length. */
class TextPaddingTest {
    private static final int SEQ = 16;
    private static final List<String> TEXTS = List.of("a b c", "a b c d e f g", "a", "a b c d e f g h i j k l m n o p q r");

    /** A whitespace "tokenizer": [CLS]=101, one id per word, [SEP]=102, right-padded with 0 to SEQ, truncated. */
    private static TextEncoder.Encoded encode(String text) {
        long[] ids = new long[SEQ];
        long[] mask = new long[SEQ];
        String[] words = text.split(" ");
        int n = Math.min(SEQ, words.length + 2);
        for (int i = 0; i < n; i++) {
            ids[i] = i == 0 ? 101 : i == n - 1 ? 102 : 1000 + i;
            mask[i] = 1;
        }
        return new TextEncoder.Encoded(ids, mask, new long[SEQ]);
    }

    private static final Function<String, TextEncoder.Encoded> ENCODER = TextPaddingTest::encode;

    private final List<Problem> problems = new ArrayList<>();

    private SampleSet build(int batch, TextPadding padding, int count) {
        TextInputSpec text = new TextInputSpec(Path.of("t.txt"), null, padding);
        InputPlan plan = InputPlan.resolve(InputPlanTest.inputs(batch, SEQ, text), InputPlanTest.BERT, "s.yaml",
                problems);
        assertNotNull(plan, problems::toString);
        return SampleFactory.build(plan, count, 42, TEXTS, ENCODER, padding);
    }

    @Test
    void maxLengthFeedsTheSequenceLengthAsBefore() {
        SampleSet set = build(1, TextPadding.DEFAULT, 4);
        assertArrayEquals(new int[] {16, 16, 16, 16}, set.fedLengths());
        assertArrayEquals(new int[] {5, 9, 3, 16}, set.textTokens());
        assertArrayEquals(new long[] {1, 16}, set.samples().get(0).get("input_ids").shape());
    }

    @Test
    void noneFeedsEachTextAtItsOwnLengthWithItsOwnTokens() {
        SampleSet set = build(1, new TextPadding.None(), 4);
        assertArrayEquals(new int[] {5, 9, 3, 16}, set.fedLengths());
        Tensor ids = set.samples().get(0).get("input_ids");
        assertArrayEquals(new long[] {1, 5}, ids.shape());
        assertArrayEquals(new long[] {101, 1001, 1002, 1003, 102}, longs(ids));
        assertArrayEquals(new long[] {1, 1, 1, 1, 1}, longs(set.samples().get(0).get("attention_mask")));
        assertArrayEquals(new long[] {1, 3}, set.samples().get(2).get("token_type_ids").shape());
    }

    @Test
    void batchLongestAndBucketsPadTheBatch() {
        SampleSet longest = build(2, new TextPadding.BatchLongest(), 2);
        assertArrayEquals(new int[] {9, 16}, longest.fedLengths());
        long[] mask = longs(longest.samples().get(0).get("attention_mask"));
        assertEquals(18, mask.length);
        assertEquals(5 + 9, Arrays.stream(mask).sum(), "padding positions are masked out");
        SampleSet buckets = build(2, new TextPadding.Buckets(List.of(4, 8, 12)), 2);
        assertArrayEquals(new int[] {12, 16}, buckets.fedLengths(), "9 → bucket 12; 16 → past the largest: SEQ");
    }

    @Test
    void aSamplesOwnLengthIsItsLongestTextWhateverItIsPaddedTo() {
        assertArrayEquals(new int[] {5, 9, 3, 16}, build(1, TextPadding.DEFAULT, 4).ownLengths(),
                "padded to 16, each sample keeps its own length");
        assertArrayEquals(new int[] {9, 16}, build(2, new TextPadding.Buckets(List.of(4, 8, 12)), 2).ownLengths(),
                "texts 5 and 9, then 3 and 16: the longest of each pair");
    }

    @Test
    void aFixedSequenceDimensionRefusesVaryingLengths() {
        List<TensorSpec> fixed = List.of(new TensorSpec("input_ids", DType.INT64, new long[] {-1, 128}),
                new TensorSpec("attention_mask", DType.INT64, new long[] {-1, 128}));
        TextInputSpec none = new TextInputSpec(Path.of("t.txt"), null, new TextPadding.None());
        assertNull(InputPlan.resolve(InputPlanTest.inputs(1, 128, none), fixed, "s.yaml", problems));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("padding: none") && problems.get(0).message()
                .contains("fixed sequence dimension") && problems.get(0).message().contains("input_ids"),
                problems.get(0).message());
        problems.clear();
        TextInputSpec padded = new TextInputSpec(Path.of("t.txt"), null, TextPadding.DEFAULT);
        assertNotNull(InputPlan.resolve(InputPlanTest.inputs(1, 128, padded), fixed, "s.yaml", problems));
    }

    private static long[] longs(Tensor t) {
        var b = t.data().asLongBuffer();
        long[] out = new long[b.remaining()];
        b.get(out);
        return out;
    }
}
