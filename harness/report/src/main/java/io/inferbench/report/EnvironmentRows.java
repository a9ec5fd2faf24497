package io.inferbench.report;

import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.MergeInfo;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment table rows of the report: the machine and software a run measured on. */
final class EnvironmentRows {
    private EnvironmentRows() {
    }

    /** Machine, OS, JVM and checkout rows; empty when the result records no environment. */
    static List<KeyValue> of(EnvironmentInfo e) {
        if (e == null) {
            return List.of();
        }
        List<KeyValue> rows = new ArrayList<>(List.of(
                KeyValue.of("Host", e.hostname()),
                KeyValue.of("CPU", e.cpuModel()),
                KeyValue.of("CPU flags", String.join(" ", e.cpuFlags())),
                KeyValue.of("Logical cores", e.logicalCores() > 0 ? Integer.toString(e.logicalCores()) : null),
                KeyValue.of("Memory", Formats.bytes(e.memoryBytes())),
                KeyValue.of("GPUs", e.gpus().isEmpty() ? "none found" : String.join("; ", e.gpus())),
                KeyValue.of("OS", e.os()),
                KeyValue.of("Kernel", e.kernel()),
                KeyValue.of("Architecture", e.arch()),
                KeyValue.of("JVM", e.jvm()),
                KeyValue.of("JVM arguments", e.jvmArgs().isEmpty() ? "none" : String.join(" ", e.jvmArgs())),
                KeyValue.of("Git commit", e.gitCommit()),
                KeyValue.of("Captured at", e.timestamp())));
        rows.addAll(2, MachineRows.power(e.cpuPower()));
        return rows;
    }

    /**
     * A merged result's provenance ({@code inferbench merge}): the runs it came from and, grouped by
     * machine, which configurations each machine measured; empty for a run measured as one.
     */
    static List<KeyValue> merge(RunResult run) {
        MergeInfo m = run.merge();
        if (m == null) {
            return List.of();
        }
        List<KeyValue> rows = new ArrayList<>();
        rows.add(KeyValue.of("Merged from", m.sources().size() + " run" + (m.sources().size() == 1 ? "" : "s")
                + (m.shards() > 1 ? " (shards of " + m.shards() + ")" : "") + ": " + String.join(", ", m.sources())));
        if (!m.missing().isEmpty()) {
            rows.add(KeyValue.of("Missing", String.join(", ", m.missing()) + " (merged with --allow-partial)"));
        }
        Map<String, List<String>> byMachine = new LinkedHashMap<>();
        m.machineOf().forEach((id, fp) -> byMachine.computeIfAbsent(fp, k -> new ArrayList<>()).add(id));
        byMachine.forEach((fp, ids) -> {
            EnvironmentInfo env = m.environments().get(fp);
            String machine = env == null ? fp : fp + " (" + MachineFingerprint.of(env).describe() + ")";
            rows.add(KeyValue.of("Machine " + machine, String.join(", ", ids)));
        });
        return rows;
    }

    /** One row per library: name and version. */
    static List<KeyValue> libraries(EnvironmentInfo e) {
        return e == null ? List.of()
                : e.libraries().entrySet().stream().map(x -> KeyValue.of(x.getKey(), x.getValue())).toList();
    }
}
