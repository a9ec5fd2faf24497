/**
 * Optimization steps applied by InferBench itself to an ONNX model, in Java on the ONNX protobuf
 * ({@code io.inferbench.onnx.proto}), so that an optimized model can be measured against its original.
 *
 * <p>The steps and their reports are declared in {@code io.inferbench.api.optimize} (JDK types only, so the
 * scenario binder validates them and callers in another class loader exchange them);
 * {@link io.inferbench.optimize.OnnxOptimizer} applies them in order, each through a
 * {@link io.inferbench.optimize.StepRewriter} (dynamic int8 quantization as ONNX Runtime's
 * {@code quantize_dynamic}, static int8 as QDQ, fp16 as onnxconverter-common, magnitude pruning).
 * {@link io.inferbench.optimize.OnnxChecks} holds the ONNX checker's graph rules every produced model must pass.
 * {@link io.inferbench.optimize.OptimizeFiles} and {@link io.inferbench.optimize.OnnxModelOptimizer} take JDK and
 * api types only, for callers in another class loader.
 */
package io.inferbench.optimize;
