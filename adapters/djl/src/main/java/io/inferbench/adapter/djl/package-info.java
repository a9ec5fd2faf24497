/**
 * The DJL adapter: DJL's OnnxRuntime, TensorFlow and PyTorch engines as three InferBench backends
 * ({@code djl-onnxruntime}, {@code djl-tensorflow}, {@code djl-pytorch}), offline, one Predictor per
 * worker with a no-op translator, so results show what DJL adds over the engines' direct Java APIs.
 */
package io.inferbench.adapter.djl;
