/**
 * What the adapters share instead of copying: the session and runner lifecycle
 * ({@link io.inferbench.adapter.support.AbstractModelSession}, {@link io.inferbench.adapter.support.AbstractRunner},
 * {@link io.inferbench.adapter.support.OwnedInput}), the checks of host tensors against a model's inputs
 * ({@link io.inferbench.adapter.support.InputCheck}), the element-type tables of ONNX and TensorFlow
 * ({@link io.inferbench.adapter.support.OnnxDataTypes}, {@link io.inferbench.adapter.support.TensorFlowDataTypes}),
 * one-line error messages ({@link io.inferbench.adapter.support.ErrorLines}), typed option keys
 * ({@link io.inferbench.adapter.support.OptionKey}) and the CPU description
 * ({@link io.inferbench.adapter.support.ProcInfo}).
 *
 * <p>JDK and {@code inferbench-api} only, so no adapter gets another adapter's library through it. Each
 * adapter ships this jar in its own {@code target/adapter} folder: adapters are loaded in class loaders of
 * their own, so they do not share one copy. The test-jar holds {@code BackendConformanceTest}, the
 * checks of the SPI's contract every adapter's tests run.
 */
package io.inferbench.adapter.support;
