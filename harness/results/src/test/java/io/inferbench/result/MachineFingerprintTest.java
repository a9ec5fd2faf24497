package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineFingerprintTest {
    static EnvironmentInfo env(String host, String cpu, long memory, String kernel, Map<String, String> libraries) {
        return new EnvironmentInfo(host, cpu, List.of("avx2"), 2, memory, "Debian GNU/Linux 12", kernel, "amd64",
                "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15", List.of(), libraries, "abc", "2026-12-04T00:00:00Z",
                List.of());
    }

    private static Map<String, String> libs(String inferbench, String ort) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("inferbench", inferbench);
        m.put("onnxruntime", ort);
        return m;
    }

    @Test
    void hostKernelMemoryJitterAndHarnessVersionDoNotChangeIt() {
        var a = MachineFingerprint.of(env("runner-1", "Xeon", 24L << 30, "6.1.0-27", libs("0.1.0", "1.29.0")));
        var b = MachineFingerprint.of(env("runner-7", "Xeon", (24L << 30) - (90L << 20), "6.1.0-28",
                libs("0.2.0", "1.29.0")));
        assertEquals(a, b);
        assertEquals(a.id(), b.id());
        assertTrue(b.differencesFrom(a).isEmpty());
        assertEquals(12, a.id().length());
    }

    @Test
    void aBackendUpgradeOrAnotherCpuIsADifferenceNamedField() {
        var a = MachineFingerprint.of(env("h", "Xeon", 24L << 30, "k", libs("0.1.0", "1.28.0")));
        var b = MachineFingerprint.of(env("h", "EPYC", 24L << 30, "k", libs("0.1.0", "1.29.0")));
        assertNotEquals(a.id(), b.id());
        var diff = b.differencesFrom(a);
        assertEquals(List.of(new MachineFingerprint.Difference("CPU", "Xeon", "EPYC"),
                new MachineFingerprint.Difference("onnxruntime", "1.28.0", "1.29.0")), diff);
        assertEquals("onnxruntime 1.28.0 \u2192 1.29.0", diff.get(1).describe());
    }

    @Test
    void aResultWithoutEnvironmentIsUnknown() {
        assertEquals(MachineFingerprint.UNKNOWN, MachineFingerprint.of((EnvironmentInfo) null));
    }

    @Test
    void gateRecordRoundTripsThroughItsJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var verdict = new GateRecord.Verdict("threads=1", "p50", "ms", true, true, GateRecord.Outcome.REGRESSION,
                10.0, 11.5, 1.15, 1.10, 1.20, 0.05, 1e-6, 1e-5, 0.03, "history", 5, true,
                new GateRecord.Confirmation(3, true, "interleaved baseline reruns", 1.14, 1.1, 1.18, 0.001));
        var record = new GateRecord(GateRecord.SCHEMA, "run-1", "nightly", "abcdef012345", Instant.EPOCH,
                "history: 5 earlier runs", List.of("a", "b"), false, 3, 0.005, List.of(verdict), List.of(),
                List.of(new GateRecord.EnvironmentChange("run-0", "x", "y",
                        List.of(new MachineFingerprint.Difference("JVM", "17", "25")))), List.of("note"));
        var file = dir.resolve(GateRecordJson.FILE);
        GateRecordJson.write(record, file);
        assertEquals(record, GateRecordJson.read(file));
        assertEquals(List.of(verdict), record.failures());
        assertEquals("+15.0%", verdict.changeText());
    }

    @Test
    void aResultIsNotAGateRecord(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var file = dir.resolve("result.json");
        java.nio.file.Files.writeString(file, "{\"schema\":\"inferbench.run/2\"}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> GateRecordJson.read(file));
        assertTrue(e.getMessage().contains("not an InferBench gate record"), e.getMessage());
    }
}
