/**
 * Comparisons between configurations and recommendations: ratios of latency percentiles with
 * bootstrap intervals, the Mann–Whitney U test, Cliff's δ, an equivalence verdict that accounts
 * for run-to-run (between-fork) variance, the Pareto front over latency, throughput, memory,
 * energy and accuracy, and the best configuration under a scenario's constraints.
 *
 * <p>Everything works from HdrHistograms (value, count) lists, never from expanded samples, so
 * the cost depends on the number of histogram buckets and bootstrap resamples, not on the number
 * of queries. Randomness is seeded: the same inputs always give the same result.
 */
package io.inferbench.compare;
