package io.inferbench.env;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuInfoTest {
    private static final String SAPPHIRE_RAPIDS = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 143
            model name\t: Intel(R) Xeon(R) Platinum 8480+
            flags\t\t: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512bw avx512vl \
            avx_vnni avx512_bf16 avx512_vnni amx_bf16 avx512_fp16 amx_tile amx_int8
            bogomips\t: 4200.00

            processor\t: 1
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) Platinum 8480+
            flags\t\t: fpu vme sse sse2
            """;

    private static final String OLD_DESKTOP = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            model name\t: AMD Ryzen 7 3700X 8-Core Processor
            flags\t\t: fpu sse sse2 ssse3 fma cx16 sse4_1 sse4_2 popcnt aes xsave avx f16c avx2 sha_ni
            """;

    private static final String ARM = """
            processor\t: 0
            BogoMIPS\t: 50.00
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid
            CPU implementer\t: 0x41
            """;

    @Test
    void avx512AndAmxFlagsInFixedOrder() {
        assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl",
                        "avx512_vnni", "avx512_bf16", "avx512_fp16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16"),
                CpuInfo.inferenceFlags(SAPPHIRE_RAPIDS));
        assertEquals(Optional.of("Intel(R) Xeon(R) Platinum 8480+"), CpuInfo.modelName(SAPPHIRE_RAPIDS));
    }

    @Test
    void withoutAvx512() {
        assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "f16c"), CpuInfo.inferenceFlags(OLD_DESKTOP));
        assertEquals(Optional.of("AMD Ryzen 7 3700X 8-Core Processor"), CpuInfo.modelName(OLD_DESKTOP));
    }

    @Test
    void flagNamesMatchWholeWordsOnly() {
        // "avx512" prefixes and "sse4_2x" must not count as avx512f / sse4_2.
        assertEquals(List.of("avx"), CpuInfo.inferenceFlags("flags : avx avx512dq sse4_2x avx512_vnnix\n"));
    }

    @Test
    void missingFieldsGiveEmpty() {
        assertEquals(List.of(), CpuInfo.inferenceFlags(ARM));
        assertEquals(Optional.empty(), CpuInfo.modelName(ARM));
        assertEquals(List.of(), CpuInfo.inferenceFlags(null));
        assertEquals(Optional.empty(), CpuInfo.modelName(""));
        assertEquals(Optional.empty(), CpuInfo.modelName("model name\t:   \n"));
    }
}
