package io.inferbench.env;

import io.inferbench.result.CpuPowerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CPU's frequency governor and turbo state from sysfs ({@code /sys/devices/system/cpu}): each
 * {@code cpuN/cpufreq/scaling_governor}, then {@code cpufreq/boost} (1 = turbo on) or
 * {@code intel_pstate/no_turbo} (1 = turbo off). What is not exposed (most VMs and containers) is
 * {@value CpuPowerInfo#UNREADABLE}; nothing here throws.
 */
public final class CpuPower {
    /** The sysfs folder read on this machine. */
    public static final Path SYSFS_CPU = Path.of("/sys/devices/system/cpu");

    private CpuPower() {
    }

    /** The governor and turbo state under {@code cpuRoot} (normally {@link #SYSFS_CPU}). */
    public static CpuPowerInfo read(Path cpuRoot) {
        try {
            return new CpuPowerInfo(governor(cpuRoot), turbo(cpuRoot));
        } catch (RuntimeException e) {
            return new CpuPowerInfo(CpuPowerInfo.UNREADABLE, CpuPowerInfo.UNREADABLE);
        }
    }

    /** {@code performance}, or {@code performance (cpu0-1), powersave (cpu2)} when the cores differ. */
    static String governor(Path cpuRoot) {
        Map<String, List<Integer>> byGovernor = new TreeMap<>();
        try (DirectoryStream<Path> cpus = Files.newDirectoryStream(cpuRoot, "cpu[0-9]*")) {
            for (Path cpu : cpus) {
                String n = cpu.getFileName().toString().substring(3);
                if (!n.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                text(cpu.resolve("cpufreq/scaling_governor")).ifPresent(g ->
                        byGovernor.computeIfAbsent(g, k -> new ArrayList<>()).add(Integer.parseInt(n)));
            }
        } catch (IOException | RuntimeException e) {
            return CpuPowerInfo.UNREADABLE;
        }
        if (byGovernor.isEmpty()) {
            return CpuPowerInfo.UNREADABLE;
        }
        if (byGovernor.size() == 1) {
            return byGovernor.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        byGovernor.forEach((g, cpus) -> parts.add(g + " (cpu" + io.inferbench.api.CpuLists.format(cpus) + ")"));
        return String.join(", ", parts);
    }

    static String turbo(Path cpuRoot) {
        Optional<String> boost = text(cpuRoot.resolve("cpufreq/boost"));
        if (boost.isPresent() && boost.get().matches("[01]")) {
            return (boost.get().equals("1") ? "on" : "off") + " (cpufreq/boost)";
        }
        Optional<String> noTurbo = text(cpuRoot.resolve("intel_pstate/no_turbo"));
        if (noTurbo.isPresent() && noTurbo.get().matches("[01]")) {
            return (noTurbo.get().equals("0") ? "on" : "off") + " (intel_pstate/no_turbo)";
        }
        return CpuPowerInfo.UNREADABLE;
    }

    private static Optional<String> text(Path file) {
        try {
            String s = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
