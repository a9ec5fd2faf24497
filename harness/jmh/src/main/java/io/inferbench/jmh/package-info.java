/**
 * JMH in InferBench, two ways.
 *
 * <ul>
 *   <li>The {@code jmh} mode ({@link io.inferbench.jmh.JmhScenarioRunner}): one configuration's
 *       steady-state cost per call measured by JMH ({@link io.inferbench.jmh.InferenceCallBenchmark}
 *       in forked JVMs, with warmup and measurement iterations), converted into an ordinary
 *       {@link io.inferbench.result.RunResult} so the usual report renders it.</li>
 *   <li>Micro-benchmarks of the harness itself: the synthetic backend's floor per call
 *       ({@link io.inferbench.jmh.SyntheticBackendBenchmark}), how precisely the open-loop pacer
 *       wakes ({@link io.inferbench.jmh.SchedulerPrecisionBenchmark}) and, in
 *       {@code io.inferbench.load}, the recorder's cost per sample. They run from the uber-jar:
 *       {@code java -jar harness/jmh/target/benchmarks.jar -e InferenceCallBenchmark}.</li>
 * </ul>
 */
package io.inferbench.jmh;
