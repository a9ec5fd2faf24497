/**
 * Backend discovery: the backends and converters installed on the harness's class path and in
 * adapter folders ({@code -Dinferbench.adapters}), each folder in a class loader of its own, found
 * with {@link java.util.ServiceLoader}; and the short-lived probes that describe a backend or a
 * model without loading native libraries into the parent. Knows nothing of how a run proceeds.
 */
package io.inferbench.run.backends;
