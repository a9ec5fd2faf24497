/**
 * The synthetic backend (MLPerf's "null SUT"): no model, a latency distribution you choose. It
 * calibrates the harness and tests the load generator without native code.
 */
package io.inferbench.synthetic;
