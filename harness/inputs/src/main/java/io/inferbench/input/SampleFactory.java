package io.inferbench.input;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the input samples of a configuration: {@code count} maps of input name to host tensor.
 * Random tensors come from a seeded generator (same seed, same samples); text inputs take
 * consecutive lines of the text, {@code batch} lines per sample.
 */
public final class SampleFactory {
    private SampleFactory() {
    }

    /**
     * @param texts   lines of text, or null for random inputs
     * @param encoder tokenizer for {@code texts}, or null
     */
    public static List<Map<String, Tensor>> build(InputPlan plan, int count, long seed, List<String> texts,
                                                  TextEncoder encoder) {
        List<Map<String, Tensor>> samples = new java.util.ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + s);
            TextEncoder.Encoded[] batch = texts == null ? null : encodeBatch(plan, s, texts, encoder);
            Map<String, Tensor> sample = new LinkedHashMap<>();
            for (ResolvedInput in : plan.inputs()) {
                sample.put(in.name(), batch == null || in.role() == InputRole.RANDOM
                        ? random(in, random) : fromText(in, batch));
            }
            samples.add(sample);
        }
        return samples;
    }

    private static TextEncoder.Encoded[] encodeBatch(InputPlan plan, int sample, List<String> texts,
                                                     TextEncoder encoder) {
        ResolvedInput ids = plan.inputs().stream().filter(i -> i.role() == InputRole.TOKEN_IDS).findFirst()
                .orElseThrow();
        int batch = (int) ids.shape()[0];
        TextEncoder.Encoded[] out = new TextEncoder.Encoded[batch];
        for (int b = 0; b < batch; b++) {
            out[b] = encoder.encode(texts.get((sample * batch + b) % texts.size()));
        }
        return out;
    }

    private static Tensor fromText(ResolvedInput in, TextEncoder.Encoded[] batch) {
        long[] shape = in.shape();
        if (shape.length != 2 || shape[0] != batch.length) {
            throw new IllegalArgumentException("text input '" + in.name() + "' must be [batch, sequence], is "
                    + java.util.Arrays.toString(shape));
        }
        int seq = (int) shape[1];
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

    private static void put(ByteBuffer buf, DType t, double v) {
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
