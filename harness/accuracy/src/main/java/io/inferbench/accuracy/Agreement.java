package io.inferbench.accuracy;

import io.inferbench.result.AgreementResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Agreement of two captures made on the same inputs: error, cosine similarity, top-1 agreement and,
 * for a text encoder, the cosine of the pooled sentence embeddings.
 *
 * <p>The raw figures cover every element, padding positions included, which is not what a text
 * encoder is used for: its hidden states at padding positions are never read, yet int8 noise there
 * drags the raw cosine of MiniLM down to about 0.89 while the sentence embeddings agree far more
 * closely. So when an output is {@code [batch, seq, hidden]} and the capture kept the
 * {@code [batch, seq]} attention mask, each row is also mean-pooled over its real tokens (as the
 * embedding tasks and sentence-transformers do) and the embeddings' cosines are reported.
 */
public final class Agreement {
    private Agreement() {
    }

    /** One result per output both captures have with the same shape; empty when nothing matches. */
    public static List<AgreementResult> compare(String candidateId, CapturedOutputs candidate, String referenceId,
                                                CapturedOutputs reference) {
        List<AgreementResult> out = new ArrayList<>();
        int n = Math.min(candidate.samples().size(), reference.samples().size());
        if (n == 0) {
            return out;
        }
        for (String name : reference.samples().get(0).keySet()) {
            Totals raw = new Totals();
            Totals pooled = new Totals();
            boolean comparable = true;
            for (int i = 0; i < n && comparable; i++) {
                CapturedOutputs.Output r = reference.samples().get(i).get(name);
                CapturedOutputs.Output x = candidate.samples().get(i).get(name);
                comparable = x != null && r != null && Arrays.equals(x.shape(), r.shape());
                if (comparable) {
                    raw.add(x.values(), r.values(), r.shape());
                    CapturedOutputs.Output mask = reference.mask(i) != null ? reference.mask(i) : candidate.mask(i);
                    pooled.addPooled(x, r, mask);
                }
            }
            if (comparable && raw.elements > 0) {
                out.add(new AgreementResult(candidateId, referenceId, name, n, raw.maxAbs, raw.sumAbs / raw.elements,
                        raw.sumCos / raw.vectors, raw.minCos, raw.rows == 0 ? Double.NaN : (double) raw.agree / raw.rows,
                        pooled.pooled() ? Double.valueOf(pooled.sumCos / pooled.vectors) : null,
                        pooled.pooled() ? Double.valueOf(pooled.minCos) : null));
            }
        }
        return out;
    }

    /** Running sums over the samples of one output. */
    private static final class Totals {
        double maxAbs;
        double sumAbs;
        long elements;
        double sumCos;
        double minCos = Double.POSITIVE_INFINITY;
        long vectors;
        long rows;
        long agree;
        /** For pooled figures: every sample so far had a mask that fits; false once one did not. */
        boolean complete = true;

        /** Whether every sample was pooled. */
        boolean pooled() {
            return complete && vectors > 0;
        }

        /** One sample's flattened output: errors, one cosine, and top-1 rows for a [batch, classes] output. */
        void add(float[] a, float[] b, long[] shape) {
            for (int k = 0; k < a.length; k++) {
                double d = Math.abs((double) a[k] - b[k]);
                maxAbs = Math.max(maxAbs, d);
                sumAbs += d;
            }
            elements += a.length;
            cosine(a, 0, b, 0, a.length);
            int last = shape.length == 0 ? 0 : (int) shape[shape.length - 1];
            if (shape.length == 2 && last > 1) {
                for (int row = 0; row * last < a.length; row++) {
                    rows++;
                    if (argmax(a, row * last, last) == argmax(b, row * last, last)) {
                        agree++;
                    }
                }
            }
        }

        /** One sample's rows mean-pooled over the mask's real tokens, one cosine per row; else not complete. */
        void addPooled(CapturedOutputs.Output a, CapturedOutputs.Output b, CapturedOutputs.Output mask) {
            long[] s = b.shape();
            if (!complete || mask == null || s.length != 3 || mask.shape().length != 2
                    || mask.shape()[0] != s[0] || mask.shape()[1] != s[1]) {
                complete = false;
                return;
            }
            int batch = (int) s[0];
            int seq = (int) s[1];
            int hidden = (int) s[2];
            for (int row = 0; row < batch; row++) {
                float[] pa = meanPool(a.values(), mask.values(), row, seq, hidden);
                float[] pb = meanPool(b.values(), mask.values(), row, seq, hidden);
                cosine(pa, 0, pb, 0, hidden);
            }
        }

        private void cosine(float[] a, int fromA, float[] b, int fromB, int length) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int k = 0; k < length; k++) {
                double x = a[fromA + k];
                double y = b[fromB + k];
                dot += x * y;
                na += x * x;
                nb += y * y;
            }
            double cos = na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot / Math.sqrt(na * nb);
            sumCos += cos;
            minCos = Math.min(minCos, cos);
            vectors++;
        }
    }

    /** Row {@code row}'s hidden states averaged over the positions its mask marks as real (non-zero). */
    static float[] meanPool(float[] hidden, float[] mask, int row, int seq, int width) {
        float[] sum = new float[width];
        int tokens = 0;
        for (int t = 0; t < seq; t++) {
            if (mask[row * seq + t] == 0) {
                continue;
            }
            tokens++;
            int at = (row * seq + t) * width;
            for (int k = 0; k < width; k++) {
                sum[k] += hidden[at + k];
            }
        }
        for (int k = 0; k < width && tokens > 0; k++) {
            sum[k] /= tokens;
        }
        return sum;
    }

    private static int argmax(float[] v, int from, int len) {
        int best = from;
        for (int k = from + 1; k < from + len; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best - from;
    }
}
