package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.protocol.V2Json;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.OpenLoopStats;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.serve.InferenceServer;
import io.inferbench.serve.ServeSettings;
import io.inferbench.serve.ServedModel;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client itself costs, printed for docs/serving.md: a zero-latency model ({@link EchoSession},
 * one float32 [1, 8] input handed back as the output) served by {@code inferbench serve}'s server on
 * loopback, then
 * <ul>
 *   <li>InferBench's {@code kserve-v2-http} backend and Debian's {@code wrk} (an independent load tool,
 *   C and epoll) on the same endpoint with the same JSON infer request, closed loop at concurrency 1
 *   and 8: their medians side by side (skipped, saying so, when {@code wrk} is not installed);</li>
 *   <li>a 5,000 requests/s constant-rate open loop through {@code kserve-v2-http} and {@code kserve-v2-grpc}:
 *   the achieved rate, the client's scheduling lag and the most requests in flight at once.</li>
 * </ul>
 * Figures only, no timing assertions: the tests fail on a broken setup (errors, wrong answers, a
 * tool that cannot reach the server), not on a slow machine.
 */
class ServedClientBenchmarkTest {
    private static final String MODEL_NAME = "zero";
    private static final Pattern WRK_P50 = Pattern.compile("^\\s*50%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern WRK_RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    private static ServedModel model;
    private static InferenceServer server;

    @BeforeAll
    static void serve() throws Exception {
        model = new ServedModel(MODEL_NAME, "1", "java", new EchoSession());
        server = InferenceServer.start(model, ServeSettings.loopbackAnyPort().withWorkers(2).withQueueCapacity(4096));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (model != null) {
            model.session().close();
        }
    }

    private static String url() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    @Test
    void inferBenchsMedianBesideWrksOnTheSameEndpoint() throws Exception {
        assumeTrue(onPath("wrk"), "wrk is not installed (apt-get install wrk): no independent tool to compare with");
        Path script = dir.resolve("infer.lua");
        // The body the kserve-v2-http backend sends for this model: one float32 [1, 8] input, random values.
        ByteBuffer x = ByteBuffer.allocateDirect(4 * EchoSession.WIDTH).order(ByteOrder.nativeOrder());
        SplittableRandom random = new SplittableRandom(42);
        while (x.hasRemaining()) {
            x.putFloat((float) random.nextGaussian());
        }
        Tensor input = new Tensor(DType.FLOAT32, new long[] {1, EchoSession.WIDTH}, x.flip());
        String body = new String(V2Json.writeRequest(Map.of("x", input), false).body(), StandardCharsets.UTF_8);
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '" + body.replace("'", "\\'")
                + "'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        String endpoint = url() + "/v2/models/" + MODEL_NAME + "/infer";
        wrk(script, endpoint, 1, 2); // warms the server's JIT before either tool is measured
        StringBuilder table = new StringBuilder("| concurrency | InferBench p50 | wrk p50 | InferBench / wrk | "
                + "InferBench q/s | wrk q/s |\n|---|---|---|---|---|---|\n");
        for (int concurrency : new int[] {1, 8}) {
            String load = concurrency == 1 ? "{ profile: single-stream }" : "{ profile: concurrency, concurrency: 8 }";
            ConfigurationResult ib = runOne("c" + concurrency, "{ name: kserve-v2-http, options: { url: \"" + url()
                    + "\", model-name: " + MODEL_NAME + " } }", load, "{ warmup: 3s, min-duration: 6s, min-queries: 100 }");
            double ibP50 = ib.measurement().latency().valueMs(50);
            String out = wrk(script, endpoint, concurrency, 6);
            assertFalse(out.contains("Non-2xx"), "wrk got error answers:\n" + out);
            Matcher p50 = WRK_P50.matcher(out);
            Matcher rate = WRK_RATE.matcher(out);
            assertTrue(p50.find() && rate.find(), "wrk's output has no latency distribution:\n" + out);
            double wrkP50 = Double.parseDouble(p50.group(1)) * switch (p50.group(2)) {
                case "us" -> 1e-3;
                case "ms" -> 1.0;
                default -> 1e3;
            };
            table.append(String.format(Locale.ROOT, "| %d | %.3f ms | %.3f ms | %.2f | %.0f | %s |%n", concurrency,
                    ibP50, wrkP50, ibP50 / wrkP50, ib.measurement().throughputQps(), rate.group(1)));
        }
        System.out.println("Client overhead, zero-latency model served on loopback, JSON infer POST:\n" + table);
    }

    @Test
    void fiveThousandRequestsPerSecondOpenLoop() throws Exception {
        StringBuilder table = new StringBuilder("| backend | target | achieved | achieved / target | lag p50 / p99 / max | "
                + "late (> 1 ms) | max in flight | dropped | p50 / p99 latency | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
        String[][] backends = {
            {"kserve-v2-http", "{ name: kserve-v2-http, options: { url: \"" + url() + "\", model-name: " + MODEL_NAME + " } }"},
            {"kserve-v2-grpc", "{ name: kserve-v2-grpc, options: { url: \"127.0.0.1:" + server.grpcPort()
                    + "\", model-name: " + MODEL_NAME + " } }"}};
        for (String[] b : backends) {
            ConfigurationResult r = runOne("open-5k-" + b[0], b[1],
                    "{ profile: rate, rate: 5000, arrival: constant, workers: 1, max-in-flight: 5000, late-threshold: 1ms }",
                    "{ warmup: 3s, min-duration: 10s, min-queries: 50000 }");
            // A loop the machine cannot keep up with stops at the in-flight cap, possibly still in its warmup.
            boolean inWarmup = r.measurement().openLoop() == null;
            PhaseResult m = inWarmup ? r.phases().warmup() : r.measurement();
            OpenLoopStats o = m.openLoop();
            assertNotNull(o, "an open loop records how it kept its schedule");
            assertEquals(o.issued(), m.queries(), "every issued request was answered and measured");
            String verdict = r.outcome() instanceof io.inferbench.result.ConfigurationOutcome.Ok ok && ok.verdict() != null
                    && !ok.verdict().valid()
                    ? String.join("; ", ok.verdict().reasons()) : "valid";
            if (inWarmup) {
                verdict = "overloaded in the warmup (its figures shown); " + verdict;
            }
            assertTrue(o.peakInFlight() >= 1, "the in-flight peak is recorded");
            table.append(String.format(Locale.ROOT, "| %s | %.0f/s | %.1f/s | %.4f | %.3f / %.3f / %.2f ms | %d of %d "
                            + "| %d | %d | %.3f / %.3f ms | %s |%n", b[0], o.targetQps(), m.throughputQps(),
                    m.throughputQps() / o.targetQps(), o.lagP50Ms(), o.lagP99Ms(), o.lagMaxMs(), o.lateQueries(),
                    o.issued(), o.peakInFlight(), o.dropped(), m.latency().valueMs(50), m.latency().valueMs(99), verdict));
        }
        System.out.println("Open loop, 5,000 requests/s constant, zero-latency model on loopback:\n" + table);
    }

    /** Runs a one-configuration scenario against the server through the CLI; it must measure without errors. */
    private static ConfigurationResult runOne(String name, String backend, String load, String run) throws Exception {
        Path scenario = dir.resolve(name + ".yaml");
        Files.writeString(scenario, """
                name: %s
                backend: %s
                load: %s
                run: %s
                """.formatted(name, backend, load, run));
        Path out = dir.resolve("results-" + name);
        CliRun cli = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--in-process", "--no-report");
        // 1 is a measurement that does not count (an open loop the machine could not keep up with): still a figure.
        assertTrue(cli.exitCode() == 0 || cli.exitCode() == 1, cli.toString());
        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        RunResult result = ResultJson.read(runDir.resolve("result.json"));
        ConfigurationResult c = result.configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), cli.toString());
        assertEquals(0, c.measurement().errors(), c.measurement().firstError());
        return c;
    }

    private static String wrk(Path script, String endpoint, int connections, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), endpoint).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(seconds + 30L, TimeUnit.SECONDS), "wrk did not finish");
        assertEquals(0, p.exitValue(), "wrk failed:\n" + out);
        return out;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
