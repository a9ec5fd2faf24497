/**
 * Statistics: turns recordings into summaries with sample sizes and confidence intervals, and the
 * interval tools the modules above share ({@link io.inferbench.stats.PercentileBootstrap} for
 * compare and accuracy, {@link io.inferbench.stats.ProportionIntervals} for accuracy and report).
 */
package io.inferbench.stats;
