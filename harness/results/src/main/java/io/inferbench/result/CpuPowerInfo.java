package io.inferbench.result;

/**
 * How the CPU was clocked when the run started: frequency scaling changes latency (a
 * {@code powersave} governor or turbo boost moves figures by tens of percent).
 *
 * @param governor the cpufreq scaling governors, e.g. {@code performance}, or {@code performance (cpu0-1),
 *                 powersave (cpu2-3)} when they differ; {@value #UNREADABLE} when no cpufreq is exposed (VMs)
 * @param turbo    {@code on} or {@code off}, with where it was read ({@code cpufreq/boost},
 *                 {@code intel_pstate/no_turbo}); {@value #UNREADABLE} otherwise
 */
public record CpuPowerInfo(String governor, String turbo) {
    public static final String UNREADABLE = "unreadable";
}
