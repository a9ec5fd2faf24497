package io.inferbench.result;

/**
 * Another process seen using CPU while a configuration ran (the noise guard): not the benchmark's
 * own JVMs.
 *
 * @param pid               process id
 * @param command           its command name ({@code /proc/PID/stat}'s, at most 15 characters)
 * @param meanPercentOfCore its CPU over the whole window, 100 = one core
 * @param peakPercentOfCore its busiest sampling window, 100 = one core (the mean when the window had one sample)
 */
public record BusyProcess(long pid, String command, double meanPercentOfCore, double peakPercentOfCore) {
}
