/**
 * Statistics: turns recordings into summaries with sample sizes and confidence intervals.
 */
package io.inferbench.stats;
