/**
 * Running a scenario: preflight (resolve models, check inputs against them, before any work),
 * then each configuration in turn, writing the result after every configuration so nothing
 * finished is lost.
 *
 * <p>A configuration's run ({@link io.inferbench.run.ConfigurationRunner}) is a pipeline of steps,
 * each returning its part of the {@link io.inferbench.result.ConfigurationResult}: load the model
 * ({@link io.inferbench.run.LoadedModel}), prepare the samples ({@link io.inferbench.run.InputPreparation}),
 * measure ({@link io.inferbench.run.MeasurementStep}), capture outputs, score accuracy
 * ({@link io.inferbench.run.AccuracyScoring}); utilization and cold start are kept around them
 * ({@link io.inferbench.run.ResourceTracker}). What the steps need (the outputs folder included) is
 * passed in, never read from process-wide state, so forked and in-process runs are told the same.
 *
 * <p>The runner and the forked child's main live together here, as JMH keeps its runner and
 * {@code ForkedMain} together: the protocol between parent and child is one package's business.
 *
 * <h2>Forks</h2>
 *
 * Forks: each configuration repeated in fresh JVMs, one after another, as JMH does, so that
 * run-to-run variance shows and a crash, hang or out-of-memory in a backend costs one
 * configuration rather than the whole run.
 *
 * <p>The parent ({@link io.inferbench.run.ForkExecutor}) writes a {@link io.inferbench.run.ForkRequest}
 * and starts {@code java -cp ... io.inferbench.run.ForkMain request.json}
 * ({@link io.inferbench.run.ForkJvm} says which java, class path and flags). While the child runs
 * ({@link io.inferbench.run.ForkProcess}), its progress ({@link io.inferbench.run.ForkEvent} lines
 * on its stdout) goes to the console, everything else it prints to {@code <run>/logs/} with the last
 * lines kept in memory ({@link io.inferbench.run.ForkLog}), and {@code run.timeout} is enforced. The
 * child exits by itself if the parent dies (its stdin closes); the parent kills the child if it is
 * shut down (Ctrl-C). A child that writes no result becomes a FAILED result saying what happened
 * ({@link io.inferbench.run.ForkFailure}); successful forks are merged
 * ({@link io.inferbench.run.ForkResults}) into one result that keeps every fork's measurement.
 *
 * <p>Every configuration runs in a child by default ({@code run.forks: 1}); with adapter folders
 * ({@link io.inferbench.run.backends.Backends}) its class path is the core's plus only its backend's adapter.
 * The parent never loads an adapter's native libraries: backend info and models' inputs come from a
 * probe child per adapter ({@link io.inferbench.run.ChildProbe}, {@link io.inferbench.run.ProbeMain}),
 * and models a backend does not load are converted in a child with the converter's adapter
 * ({@link io.inferbench.run.CachedConversions}).
 */
package io.inferbench.run;
