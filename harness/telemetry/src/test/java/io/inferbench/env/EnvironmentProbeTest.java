package io.inferbench.env;

import io.inferbench.result.EnvironmentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentProbeTest {
    /** The repository root, found from the working directory (a module folder under Maven). */
    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".git"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "tests run inside the InferBench git checkout");
        return dir;
    }

    @Test
    void capturesThisMachine() {
        EnvironmentInfo env = EnvironmentProbe.capture(Map.of("onnxruntime", "1.20.0"), repoRoot());

        assertFalse(env.hostname().isBlank());
        assertFalse(env.cpuModel().isBlank());
        assertTrue(env.logicalCores() >= 1);
        assertTrue(env.memoryBytes() > 0);
        assertFalse(env.os().isBlank());
        assertEquals(System.getProperty("os.version"), env.kernel());
        assertEquals(System.getProperty("os.arch"), env.arch());
        assertTrue(env.jvm().contains(System.getProperty("java.runtime.version")), env.jvm());
        assertNotNull(env.jvmArgs());
        assertEquals("1.20.0", env.libraries().get("onnxruntime"));
        assertEquals(System.getProperty("java.version"), env.libraries().get("java"));
        assertEquals(EnvironmentProbe.DEV_VERSION, env.libraries().get("inferbench"));
        assertNotNull(env.gitCommit());
        assertTrue(env.gitCommit().matches("[0-9a-f]{40}(-dirty)?"), env.gitCommit());
        assertTrue(env.timestamp().endsWith("Z"), env.timestamp());
        Instant.parse(env.timestamp());
        assertNotNull(env.gpus());
        assertTrue(CpuInfo.INFERENCE_FLAGS.containsAll(env.cpuFlags()), env.cpuFlags().toString());
    }

    @Test
    void onLinuxUsesProcFiles() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return;
        }
        String text = Files.readString(cpuinfo);
        EnvironmentInfo env = EnvironmentProbe.capture(null, null);
        CpuInfo.modelName(text).ifPresent(model -> assertEquals(model, env.cpuModel()));
        assertEquals(CpuInfo.inferenceFlags(text), env.cpuFlags());
    }

    @Test
    void gitCommitIsNullOutsideACheckout(@TempDir Path dir) {
        assertNull(Git.commit(dir));
        assertNull(EnvironmentProbe.capture(Map.of(), dir).gitCommit());
        assertNull(Git.commit(dir.resolve("does-not-exist")));
        assertNull(Git.commit(null));
    }

    @Test
    void dirtyWhenTrackedFileModified(@TempDir Path dir) throws Exception {
        if (Gpus.onPath("git").isEmpty()) {
            return;
        }
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "one\n");
        git(dir, "add", "a.txt");
        git(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
        String clean = Git.commit(dir);
        assertNotNull(clean);
        assertTrue(clean.matches("[0-9a-f]{40}"), clean);

        Files.writeString(dir.resolve("untracked.txt"), "ignored\n");
        assertEquals(clean, Git.commit(dir), "untracked files do not make it dirty");

        Files.writeString(dir.resolve("a.txt"), "two\n");
        assertEquals(clean + "-dirty", Git.commit(dir));
    }

    @Test
    void librariesKeepProbeValuesFirst() {
        Map<String, String> libs = EnvironmentProbe.libraries(Map.of("java", "fake", "tf", "2.16"));
        assertEquals(List.of("inferbench", "java", "tf"), List.copyOf(libs.keySet()));
        assertEquals(System.getProperty("java.version"), libs.get("java"));
    }

    @Test
    void nvidiaSmiOutputOneGpuPerLine() {
        assertEquals(List.of("NVIDIA A100-SXM4-40GB, 40960 MiB, 535.104.05", "NVIDIA L4, 23034 MiB, 535.104.05"),
                Gpus.parseNvidiaSmi("NVIDIA A100-SXM4-40GB, 40960 MiB, 535.104.05\nNVIDIA L4, 23034 MiB, 535.104.05\n\n"));
        assertEquals(List.of(), Gpus.parseNvidiaSmi(""));
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
