package io.inferbench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CUDA and cuDNN versions as {@link Gpus#softwareVersions()} reads them, from recorded outputs and files. */
class GpuSoftwareTest {
    @Test
    void cudaVersionFromTheNvidiaSmiBanner() {
        String banner = """
                +---------------------------------------------------------------------------------------+
                | NVIDIA-SMI 535.104.05             Driver Version: 535.104.05   CUDA Version: 12.2     |
                |-----------------------------------------+----------------------+----------------------+
                """;
        assertEquals(Optional.of("12.2"), Gpus.parseCudaDriverVersion(banner));
        assertEquals(Optional.empty(), Gpus.parseCudaDriverVersion("No devices were found"));
        assertEquals(Optional.empty(), Gpus.parseCudaDriverVersion(null));
    }

    @Test
    void toolkitVersionFromVersionJsonOrTxt() {
        assertEquals(Optional.of("12.2.140"), Gpus.parseCudaToolkitVersion("""
                {
                   "cuda" : {
                      "name" : "CUDA SDK",
                      "version" : "12.2.140"
                   },
                   "cuda_cudart" : { "name" : "CUDA Runtime (cudart)", "version" : "12.2.140" }
                }
                """));
        assertEquals(Optional.of("11.0.228"), Gpus.parseCudaToolkitVersion("CUDA Version 11.0.228\n"));
        assertEquals(Optional.empty(), Gpus.parseCudaToolkitVersion("{}"));
    }

    @Test
    void cudnnVersionFromTheHeaderOrLibraryNames() {
        assertEquals(Optional.of("8.9.7"), Gpus.parseCudnnHeader("""
                #define CUDNN_MAJOR 8
                #define CUDNN_MINOR 9
                #define CUDNN_PATCHLEVEL 7
                #define CUDNN_VERSION (CUDNN_MAJOR * 1000 + CUDNN_MINOR * 100 + CUDNN_PATCHLEVEL)
                """));
        assertEquals(Optional.empty(), Gpus.parseCudnnHeader("#define CUDNN_MAJOR 8\n"));
        assertEquals(Optional.of("9.1.0"), Gpus.parseCudnnLibraryNames(List.of("libc.so.6", "libcudnn.so.9",
                "libcudnn.so.9.1.0", "libcudnn_ops.so.9.1.0")));
        assertEquals(Optional.empty(), Gpus.parseCudnnLibraryNames(List.of("libcublas.so.12")));
    }

    @Test
    void whateverIsFoundIsAVersionNumber() {
        // This machine may or may not have CUDA; whatever is found must be a version number.
        Gpus.softwareVersions().forEach((k, v) -> assertEquals(true, v.matches("[0-9][0-9.]*"), k + "=" + v));
    }
}
