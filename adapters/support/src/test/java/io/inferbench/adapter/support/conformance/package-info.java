/**
 * The conformance suite of the backend SPI: {@link io.inferbench.adapter.support.conformance.BackendConformanceTest},
 * shipped in the adapter support test-jar, which every adapter's tests subclass with a small model of
 * their own. {@code ConformanceSuiteTest} runs the suite against a correct fake backend and against
 * fakes broken in one way each, to prove every check fails when its property does not hold.
 */
package io.inferbench.adapter.support.conformance;
