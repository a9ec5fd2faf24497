/**
 * Optimization steps applied by InferBench itself to an ONNX model, in Java on the ONNX protobuf
 * ({@code io.inferbench.onnx.proto}), so that an optimized model can be measured against its original.
 *
 * <p>{@link io.inferbench.optimize.OptimizationStep} is the closed set of steps with their settings (validated
 * when built); {@link io.inferbench.optimize.OnnxOptimizer} applies them in order, each through a
 * {@link io.inferbench.optimize.StepRewriter} (dynamic int8 quantization as ONNX Runtime's
 * {@code quantize_dynamic}, fp16 as onnxconverter-common, magnitude pruning), and answers a
 * {@link io.inferbench.optimize.StepReport} per step. {@link io.inferbench.optimize.OnnxChecks} holds the ONNX
 * checker's graph rules every produced model must pass. {@link io.inferbench.optimize.StepSettings} and
 * {@link io.inferbench.optimize.OptimizeFiles} take JDK types only, for callers in another class loader.
 */
package io.inferbench.optimize;
