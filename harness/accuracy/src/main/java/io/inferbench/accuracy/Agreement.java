package io.inferbench.accuracy;

import io.inferbench.result.AgreementResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Agreement of two captures made on the same inputs: error, cosine similarity, top-1 agreement. */
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
            double maxAbs = 0;
            double sumAbs = 0;
            long count = 0;
            double sumCos = 0;
            double minCos = Double.POSITIVE_INFINITY;
            long rows = 0;
            long agree = 0;
            boolean comparable = true;
            for (int i = 0; i < n && comparable; i++) {
                Map<String, CapturedOutputs.Output> c = candidate.samples().get(i);
                CapturedOutputs.Output r = reference.samples().get(i).get(name);
                CapturedOutputs.Output x = c.get(name);
                if (x == null || !Arrays.equals(x.shape(), r.shape())) {
                    comparable = false;
                    break;
                }
                float[] a = x.values();
                float[] b = r.values();
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int k = 0; k < a.length; k++) {
                    double d = Math.abs((double) a[k] - b[k]);
                    maxAbs = Math.max(maxAbs, d);
                    sumAbs += d;
                    dot += (double) a[k] * b[k];
                    na += (double) a[k] * a[k];
                    nb += (double) b[k] * b[k];
                }
                count += a.length;
                double cos = na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot / Math.sqrt(na * nb);
                sumCos += cos;
                minCos = Math.min(minCos, cos);
                long[] shape = r.shape();
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
            if (comparable && count > 0) {
                out.add(new AgreementResult(candidateId, referenceId, name, n, maxAbs, sumAbs / count, sumCos / n,
                        minCos, rows == 0 ? Double.NaN : (double) agree / rows));
            }
        }
        return out;
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
