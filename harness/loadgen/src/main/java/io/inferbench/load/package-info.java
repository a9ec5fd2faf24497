/**
 * Load generation: issues queries to a {@link io.inferbench.load.SystemUnderTest} according to a
 * {@link io.inferbench.load.LoadProfile} and records their latency. Knows nothing of backends,
 * models or tensors: it sees numbered workers that run numbered samples.
 */
package io.inferbench.load;
