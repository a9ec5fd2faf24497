package io.inferbench.report;

import io.inferbench.result.EnvironmentInfo;
import java.util.List;

/** The environment table rows of the report: the machine and software a run measured on. */
final class EnvironmentRows {
    private EnvironmentRows() {
    }

    /** Machine, OS, JVM and checkout rows; empty when the result records no environment. */
    static List<KeyValue> of(EnvironmentInfo e) {
        if (e == null) {
            return List.of();
        }
        return List.of(
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
                KeyValue.of("Captured at", e.timestamp()));
    }

    /** One row per library: name and version. */
    static List<KeyValue> libraries(EnvironmentInfo e) {
        return e == null ? List.of()
                : e.libraries().entrySet().stream().map(x -> KeyValue.of(x.getKey(), x.getValue())).toList();
    }
}
