package io.inferbench.result;

/**
 * How closely a configuration's outputs agree with a reference configuration's on the same
 * inputs (e.g. int8 vs fp32, TensorFlow vs ONNX Runtime on a converted model).
 *
 * @param candidateId       the configuration compared
 * @param referenceId       the reference (the first configuration with the same inputs and outputs)
 * @param output            output tensor name
 * @param samples           samples compared
 * @param maxAbsError       largest absolute difference over every element
 * @param meanAbsError      mean absolute difference
 * @param meanCosine        mean over samples of the cosine similarity of the flattened output
 * @param minCosine         the lowest per-sample cosine similarity
 * @param top1Agreement     share of rows whose argmax over the last dimension agrees (NaN when the
 *                          output is not a score vector)
 * @param pooledMeanCosine  for a text encoder's {@code [batch, seq, hidden]} output: the mean over rows of
 *                          the cosine similarity of the attention-masked, mean-pooled embeddings (what the
 *                          embedding tasks use); null for other outputs, without a captured mask, and in
 *                          results written before it was computed
 * @param pooledMinCosine   the lowest such per-row cosine; null with {@code pooledMeanCosine}
 */
public record AgreementResult(String candidateId, String referenceId, String output, int samples,
                              double maxAbsError, double meanAbsError, double meanCosine, double minCosine,
                              double top1Agreement, Double pooledMeanCosine, Double pooledMinCosine) {
    /** An output that is not pooled. */
    public AgreementResult(String candidateId, String referenceId, String output, int samples,
                           double maxAbsError, double meanAbsError, double meanCosine, double minCosine,
                           double top1Agreement) {
        this(candidateId, referenceId, output, samples, maxAbsError, meanAbsError, meanCosine, minCosine,
                top1Agreement, null, null);
    }

    /** Whether the pooled-embedding figures are there. */
    public boolean pooled() {
        return pooledMeanCosine != null;
    }
}
