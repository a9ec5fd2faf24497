package io.inferbench.compare;

/**
 * What a configuration achieved, for trade-offs between configurations. NaN means "not measured":
 * that objective is then left out of every comparison involving this configuration.
 *
 * @param id                        the configuration's id
 * @param latencyMs                 a latency percentile (the one the scenario cares about); lower is better
 * @param throughput                queries (or samples) per second; higher is better
 * @param memoryBytes               peak memory; lower is better; NaN when not measured
 * @param energyJoulesPerInference  energy per inference; lower is better; NaN when not measured
 * @param accuracy                  task accuracy in percent (0–100), so drops are in points; higher is
 *                                  better; NaN when not measured
 */
public record Objectives(String id, double latencyMs, double throughput, double memoryBytes,
                         double energyJoulesPerInference, double accuracy) {
    /** Latency and throughput only; memory, energy and accuracy not measured. */
    public static Objectives of(String id, double latencyMs, double throughput) {
        return new Objectives(id, latencyMs, throughput, Double.NaN, Double.NaN, Double.NaN);
    }

    public Objectives withAccuracy(double percent) {
        return new Objectives(id, latencyMs, throughput, memoryBytes, energyJoulesPerInference, percent);
    }

    public Objectives withMemoryBytes(double bytes) {
        return new Objectives(id, latencyMs, throughput, bytes, energyJoulesPerInference, accuracy);
    }

    public Objectives withEnergyJoulesPerInference(double joules) {
        return new Objectives(id, latencyMs, throughput, memoryBytes, joules, accuracy);
    }
}
