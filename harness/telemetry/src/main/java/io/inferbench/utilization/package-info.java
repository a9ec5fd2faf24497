/**
 * Resource use of the process that runs the backend: CPU, memory, JVM heap and GC, threads, GPU
 * and CPU package energy, sampled on a timeline by {@link io.inferbench.utilization.UtilizationSampler};
 * and cold-start figures ({@link io.inferbench.utilization.ColdStarts}).
 *
 * <p>Parsing lives in small pure classes over text ({@code ProcStat}, {@code ProcSelfStat},
 * {@code ProcStatus}, {@code Rapl}, {@code NvidiaSmi}) so it is tested with fixtures; the sampler
 * only reads files and composes them. Anything unreadable becomes a note, never an exception.
 */
package io.inferbench.utilization;
