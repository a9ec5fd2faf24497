/**
 * Fixtures the adapters' tests share instead of copying: real models copied out of their Maven jars on
 * the test class path ({@link io.inferbench.testsupport.ModelJars}), inputs for them
 * ({@link io.inferbench.testsupport.MiniLm}, {@link io.inferbench.testsupport.HostTensors}), and tiny
 * models generated in Java ({@link io.inferbench.testsupport.TinyOnnx},
 * {@link io.inferbench.testsupport.ReluAbsModel}, {@link io.inferbench.testsupport.TinySavedModels}).
 * A test-scoped dependency; it never reaches a distribution.
 */
package io.inferbench.testsupport;
