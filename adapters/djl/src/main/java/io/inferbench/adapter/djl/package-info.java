/**
 * The DJL adapter: DJL's OnnxRuntime, TensorFlow and PyTorch engines as three InferBench backends
 * ({@code djl-onnxruntime}, {@code djl-tensorflow}, {@code djl-pytorch}), offline, one Predictor per
 * worker with a no-op translator, so results show what DJL adds over the engines' direct Java APIs.
 *
 * <p>The lifecycle, input checks, element-type tables, options and error lines shared with the other
 * adapters come from {@code io.inferbench.adapter.support}, whose jar ships in this adapter's folder.
 */
package io.inferbench.adapter.djl;
