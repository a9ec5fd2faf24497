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
 */
public record AgreementResult(String candidateId, String referenceId, String output, int samples,
                              double maxAbsError, double meanAbsError, double meanCosine, double minCosine,
                              double top1Agreement) {
}
