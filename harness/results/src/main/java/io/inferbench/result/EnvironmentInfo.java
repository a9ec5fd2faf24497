package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The machine and software a run measured on, recorded with every result.
 *
 * @param hostname        host name
 * @param cpuModel        CPU model name
 * @param cpuFlags        the SIMD flags that matter for inference (avx2, avx512f, avx512_vnni, amx...)
 * @param logicalCores    logical CPUs visible to the JVM
 * @param memoryBytes     total physical memory
 * @param os              OS name and version
 * @param kernel          kernel release
 * @param arch            CPU architecture
 * @param jvm             JVM vendor, name and version
 * @param jvmArgs         JVM input arguments
 * @param libraries       library name to version (InferBench, backends, natives)
 * @param gitCommit       commit of the InferBench checkout, with {@code -dirty} when modified; or null
 * @param timestamp       ISO-8601 time the environment was captured
 * @param gpus            GPUs found, as descriptions; empty when none
 * @param cpuPower        CPU governor and turbo state when the run started; null in results from before they
 *                        were recorded
 */
public record EnvironmentInfo(String hostname, String cpuModel, List<String> cpuFlags, int logicalCores,
                              long memoryBytes, String os, String kernel, String arch, String jvm,
                              List<String> jvmArgs, Map<String, String> libraries, String gitCommit,
                              String timestamp, List<String> gpus,
                              @JsonInclude(JsonInclude.Include.NON_NULL) CpuPowerInfo cpuPower) {
    public EnvironmentInfo {
        cpuFlags = List.copyOf(cpuFlags);
        jvmArgs = List.copyOf(jvmArgs);
        libraries = Ordered.copy(libraries);
        gpus = List.copyOf(gpus);
    }

    /** Without the CPU's power settings (results from before they were recorded). */
    public EnvironmentInfo(String hostname, String cpuModel, List<String> cpuFlags, int logicalCores,
                           long memoryBytes, String os, String kernel, String arch, String jvm,
                           List<String> jvmArgs, Map<String, String> libraries, String gitCommit,
                           String timestamp, List<String> gpus) {
        this(hostname, cpuModel, cpuFlags, logicalCores, memoryBytes, os, kernel, arch, jvm, jvmArgs, libraries,
                gitCommit, timestamp, gpus, null);
    }
}
