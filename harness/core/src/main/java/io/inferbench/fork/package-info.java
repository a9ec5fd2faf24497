/**
 * Forks: each configuration repeated in fresh JVMs, one after another, as JMH does, so that
 * run-to-run variance shows and a crash, hang or out-of-memory in a backend costs one
 * configuration rather than the whole run.
 *
 * <p>The parent ({@link io.inferbench.fork.ForkExecutor}) writes a {@link io.inferbench.fork.ForkRequest}
 * and starts {@code java -cp ... io.inferbench.fork.ForkMain request.json}
 * ({@link io.inferbench.fork.ForkJvm} says which java, class path and flags). While the child runs
 * ({@link io.inferbench.fork.ForkProcess}), its progress ({@link io.inferbench.fork.ForkEvent} lines
 * on its stdout) goes to the console, everything else it prints to {@code <run>/logs/} with the last
 * lines kept in memory ({@link io.inferbench.fork.ForkLog}), and {@code run.timeout} is enforced. The
 * child exits by itself if the parent dies (its stdin closes); the parent kills the child if it is
 * shut down (Ctrl-C). A child that writes no result becomes a FAILED result saying what happened
 * ({@link io.inferbench.fork.ForkFailure}); successful forks are merged
 * ({@link io.inferbench.fork.ForkResults}) into one result that keeps every fork's measurement.
 *
 * <p>Every configuration runs in a child by default ({@code run.forks: 1}); with adapter folders
 * ({@link io.inferbench.run.Backends}) its class path is the core's plus only its backend's adapter.
 * The parent never loads an adapter's native libraries: backend info and models' inputs come from a
 * probe child per adapter ({@link io.inferbench.fork.ChildProbe}, {@link io.inferbench.fork.ProbeMain}),
 * and models a backend does not load are converted in a child with the converter's adapter
 * ({@link io.inferbench.fork.CachedConversions}).
 */
package io.inferbench.fork;
