/**
 * The backend SPI: how InferBench loads a model, describes its tensors and runs a batch.
 *
 * <p>Adapters implement {@link io.inferbench.api.BackendProvider} and register it in
 * {@code META-INF/services/io.inferbench.api.BackendProvider}. The SPI knows nothing of load
 * generation or timing: adapters never time themselves; the harness owns clocks and threads.
 */
package io.inferbench.api;
