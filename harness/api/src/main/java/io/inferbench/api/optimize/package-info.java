/**
 * Optimization steps as a scenario's {@code optimization.steps} declares them ({@link
 * io.inferbench.api.optimize.OptimizationStep}, parsed and validated by {@link io.inferbench.api.optimize.StepSettings}),
 * what one step did ({@link io.inferbench.api.optimize.StepReport}), and the seams that apply them:
 * {@link io.inferbench.api.optimize.ModelOptimizer} (InferBench's pure-Java optimizer, in a class loader of its own),
 * {@link io.inferbench.api.optimize.GraphOptimizer} (a runtime's offline graph optimizations, in an adapter) and
 * {@link io.inferbench.api.optimize.ActivationSampler} (static int8's calibration runs). JDK types only.
 */
package io.inferbench.api.optimize;
