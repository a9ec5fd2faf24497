package io.inferbench.utilization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Pure helpers for {@code nvidia-smi}'s CSV query output (nvidia-smi is NVML's command-line front end). */
public final class NvidiaSmi {
    private NvidiaSmi() {
    }

    /**
     * One GPU at one instant. All figures are device-wide: other processes on the GPU count too.
     *
     * @param index           GPU index as nvidia-smi numbers it
     * @param utilPercent     {@code utilization.gpu}; NaN when not reported
     * @param memoryUsedBytes {@code memory.used}; -1 when not reported
     * @param powerWatts      {@code power.draw}; NaN when not reported (e.g. {@code [N/A]})
     */
    public record GpuReading(int index, double utilPercent, long memoryUsedBytes, double powerWatts) {
    }

    /**
     * The query the sampler runs: one CSV line per GPU, without header or units.
     *
     * @param smi      path of {@code nvidia-smi}
     * @param gpuIndex the GPU to query, or a negative number for all
     */
    public static List<String> command(Path smi, int gpuIndex) {
        List<String> cmd = new ArrayList<>(List.of(smi.toString(),
                "--query-gpu=index,utilization.gpu,memory.used,power.draw", "--format=csv,noheader,nounits"));
        if (gpuIndex >= 0) {
            cmd.add("--id=" + gpuIndex);
        }
        return cmd;
    }

    /**
     * Parses the output of {@link #command}, e.g. {@code 0, 87, 15360, 215.43}.
     *
     * @param csv standard output; may be null
     * @return one reading per well-formed line; malformed lines are skipped
     */
    public static List<GpuReading> parse(String csv) {
        List<GpuReading> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (f.length < 4) {
                continue;
            }
            try {
                int index = Integer.parseInt(f[0].strip());
                double mib = number(f[2]);
                out.add(new GpuReading(index, number(f[1]),
                        Double.isNaN(mib) ? -1 : Math.round(mib * 1024 * 1024), number(f[3])));
            } catch (NumberFormatException e) {
                // not a GPU line (a warning or an error message): skip it
            }
        }
        return out;
    }

    /**
     * Several GPUs as one: mean utilization, summed memory and power.
     *
     * @param readings at least one reading
     */
    public static GpuReading combine(List<GpuReading> readings) {
        if (readings.size() == 1) {
            return readings.get(0);
        }
        double util = 0;
        double power = 0;
        long memory = 0;
        for (GpuReading r : readings) {
            util += r.utilPercent();
            power += r.powerWatts();
            memory = memory < 0 || r.memoryUsedBytes() < 0 ? -1 : memory + r.memoryUsedBytes();
        }
        return new GpuReading(-1, util / readings.size(), memory, power);
    }

    /** A number, or NaN for nvidia-smi's {@code [N/A]}, {@code [Not Supported]} and the like. */
    private static double number(String field) {
        String s = field.strip();
        if (s.startsWith("[") || s.isEmpty() || s.equalsIgnoreCase("N/A")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }
}
