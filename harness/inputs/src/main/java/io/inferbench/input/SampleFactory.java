package io.inferbench.input;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.scenario.TextPadding;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the input samples of a configuration: {@code count} maps of input name to host tensor.
 * Random tensors come from a seeded generator (same seed, same samples); text inputs take
 * consecutive lines of the text, {@code batch} lines per sample, padded as the scenario says.
 */
public final class SampleFactory {
    private SampleFactory() {
    }

    /**
     * The samples, texts padded to the sequence length.
     *
     * @param texts   lines of text, or null for random inputs
     * @param encoder tokenizer for {@code texts}, or null
     */
    public static List<Map<String, Tensor>> build(InputPlan plan, int count, long seed, List<String> texts,
                                                  TextEncoder encoder) {
        return build(plan, count, seed, texts, encoder, TextPadding.DEFAULT).samples();
    }

    /**
     * The samples with each text batch padded as {@code padding} says (the encoder pads to the
     * sequence length; the tokenizer's own padding is kept and cut to the batch's length).
     */
    public static SampleSet build(InputPlan plan, int count, long seed, List<String> texts, TextEncoder encoder,
                                  TextPadding padding) {
        return build(plan, count, seed, texts, encoder == null ? null : encoder::encode, padding);
    }

    /** As above, with any tokenizer (tests use one that needs no natives). */
    static SampleSet build(InputPlan plan, int count, long seed, List<String> texts,
                           java.util.function.Function<String, TextEncoder.Encoded> encoder, TextPadding padding) {
        List<Map<String, Tensor>> samples = new java.util.ArrayList<>(count);
        int[] fed = new int[texts == null ? 0 : count];
        List<Integer> tokens = new java.util.ArrayList<>();
        for (int s = 0; s < count; s++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + s);
            TextEncoder.Encoded[] batch = texts == null ? null : encodeBatch(plan, s, texts, encoder);
            int length = 0;
            if (batch != null) {
                int longest = 0;
                for (TextEncoder.Encoded e : batch) {
                    tokens.add(e.tokens());
                    longest = Math.max(longest, e.tokens());
                }
                length = padding.paddedLength(longest, (int) tokenIds(plan).shape()[1]);
                fed[s] = length;
            }
            Map<String, Tensor> sample = new LinkedHashMap<>();
            for (ResolvedInput in : plan.inputs()) {
                sample.put(in.name(), batch == null || in.role() == InputRole.RANDOM
                        ? random(in, random) : fromText(in, batch, length));
            }
            samples.add(sample);
        }
        return new SampleSet(samples, fed, tokens.stream().mapToInt(Integer::intValue).toArray());
    }

    private static ResolvedInput tokenIds(InputPlan plan) {
        return plan.inputs().stream().filter(i -> i.role() == InputRole.TOKEN_IDS).findFirst().orElseThrow();
    }

    private static TextEncoder.Encoded[] encodeBatch(InputPlan plan, int sample, List<String> texts,
                                                     java.util.function.Function<String, TextEncoder.Encoded> encoder) {
        ResolvedInput ids = tokenIds(plan);
        int batch = (int) ids.shape()[0];
        TextEncoder.Encoded[] out = new TextEncoder.Encoded[batch];
        for (int b = 0; b < batch; b++) {
            out[b] = encoder.apply(texts.get((sample * batch + b) % texts.size()));
        }
        return out;
    }

    /** The batch's texts as one input, each cut (or padded with zeros) to {@code seq} positions. */
    private static Tensor fromText(ResolvedInput in, TextEncoder.Encoded[] batch, int seq) {
        long[] planned = in.shape();
        if (planned.length != 2 || planned[0] != batch.length) {
            throw new IllegalArgumentException("text input '" + in.name() + "' must be [batch, sequence], is "
                    + java.util.Arrays.toString(planned));
        }
        long[] shape = {planned[0], seq};
        ByteBuffer buf = Tensor.allocate(in.dtype(), shape);
        for (TextEncoder.Encoded e : batch) {
            long[] src = switch (in.role()) {
                case TOKEN_IDS -> e.ids();
                case ATTENTION_MASK -> e.attentionMask();
                default -> e.typeIds();
            };
            for (int i = 0; i < seq; i++) {
                put(buf, in.dtype(), i < src.length ? src[i] : 0);
            }
        }
        return new Tensor(in.dtype(), shape, buf.flip());
    }

    private static Tensor random(ResolvedInput in, SplittableRandom random) {
        long[] shape = in.shape();
        ByteBuffer buf = Tensor.allocate(in.dtype(), shape);
        long n = Tensor.elementCount(shape);
        boolean floating = InputPlan.isFloat(in.dtype());
        for (long i = 0; i < n; i++) {
            double v = in.low() + random.nextDouble() * (in.high() - in.low());
            put(buf, in.dtype(), floating ? v : Math.floor(v));
        }
        return new Tensor(in.dtype(), shape, buf.flip());
    }

    static void put(ByteBuffer buf, DType t, double v) {
        switch (t) {
            case FLOAT32 -> buf.putFloat((float) v);
            case FLOAT64 -> buf.putDouble(v);
            case FLOAT16 -> buf.putShort(Float16.fromFloat((float) v));
            case BFLOAT16 -> buf.putShort((short) (Float.floatToIntBits((float) v) >>> 16));
            case INT8, UINT8, BOOL -> buf.put((byte) v);
            case INT16 -> buf.putShort((short) v);
            case INT32 -> buf.putInt((int) v);
            case INT64 -> buf.putLong((long) v);
            case STRING -> throw new IllegalArgumentException("string inputs are not supported");
        }
    }

    /** Float to IEEE 754 half (round to nearest), without Java 20's {@code Float.floatToFloat16}. */
    static final class Float16 {
        private Float16() {
        }

        static short fromFloat(float f) {
            int bits = Float.floatToIntBits(f);
            int sign = (bits >>> 16) & 0x8000;
            int exp = ((bits >>> 23) & 0xff) - 127 + 15;
            int mant = bits & 0x7fffff;
            if (exp >= 31) {
                return (short) (sign | 0x7c00);
            }
            if (exp <= 0) {
                return (short) sign;
            }
            int half = sign | (exp << 10) | (mant >>> 13);
            return (short) (half + ((mant >>> 12) & 1));
        }
    }
}
