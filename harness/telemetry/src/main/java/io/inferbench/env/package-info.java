/**
 * Captures the environment a run measured on ({@link io.inferbench.result.EnvironmentInfo}):
 * host, CPU and its SIMD flags, memory, OS, JVM, library versions, git commit and GPUs.
 *
 * <p>{@link io.inferbench.env.EnvironmentProbe#capture} never throws and never hangs: every
 * source has a fallback, and external commands ({@code git}, {@code nvidia-smi}) run through
 * {@link io.inferbench.env.Processes#run} with a timeout. Parsing of {@code /proc/cpuinfo},
 * {@code /proc/meminfo} and {@code /etc/os-release} lives in small pure functions
 * ({@link io.inferbench.env.CpuInfo}, {@link io.inferbench.env.MemInfo},
 * {@link io.inferbench.env.OsRelease}) that take the file's text.
 */
package io.inferbench.env;
