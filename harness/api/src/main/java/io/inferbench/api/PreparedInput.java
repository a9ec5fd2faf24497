package io.inferbench.api;

/**
 * A backend-owned input ready to run, created by {@link Runner#prepare}. Reusable across calls
 * to {@link Runner#run} on the runner that created it; released when that runner closes.
 */
public interface PreparedInput {
}
