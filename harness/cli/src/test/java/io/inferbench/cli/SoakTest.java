package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak scenario ({@code scenarios/12-soak.yaml}, an hour) at 30 seconds, in this JVM: the heap
 * after a full GC must not keep growing with the number of queries. Prints the heap and RSS trend.
 * At 1000 queries/s a leak of 1 KiB per query would add 30 MiB over the measurement and fail the
 * bound below; smaller leaks need the hour-long run.
 */
class SoakTest {
    /** Most the heap after GC may grow from the first to the last third of the measurement. */
    static final double MAX_GROWTH_MIB = 16;
    private static final Path SCENARIO = Path.of("../../scenarios/12-soak.yaml");

    @TempDir
    Path dir;

    @Test
    void memoryStaysFlatUnderSteadyLoad() throws Exception {
        String yaml = Files.readString(SCENARIO)
                .replace("warmup: 10s", "warmup: 3s")
                .replace("min-duration: 1h", "min-duration: 30s")
                .replace("max-duration: 1h", "max-duration: 40s");
        assertTrue(yaml.contains("min-duration: 30s"), "the soak scenario's run settings moved: update this test");
        Path scenario = Files.writeString(dir.resolve("12-soak.yaml"), yaml);
        List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                System.gc();
                double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
                samples.add(new double[] {(System.nanoTime() - start) / 1e9, heap, rssMib()});
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();
        CliRun r;
        try {
            r = CliRun.of("run", scenario.toString(), "--out", dir.resolve("out").toString(), "--in-process",
                    "--no-report");
        } finally {
            running.set(false);
            sampler.join();
        }
        assertEquals(0, r.exitCode(), r.toString());
        RunResult result;
        try (Stream<Path> runs = Files.list(dir.resolve("out"))) {
            result = ResultJson.read(runs.findFirst().orElseThrow().resolve("result.json"));
        }
        long queries = result.configurations().get(0).phases().measurement().queries();
        System.out.printf("soak: %d queries in the measurement; heap after GC and RSS, MiB:%n", queries);
        samples.forEach(s -> System.out.printf("  t=%5.1fs heap=%7.1f rss=%7.1f%n", s[0], s[1], s[2]));
        // The measurement's samples: after the warmup (and start-up), until the run ended.
        List<Double> heap = samples.stream().filter(s -> s[0] > 8).map(s -> s[1]).toList();
        double growth = MemoryTrend.growthMib(heap);
        System.out.printf("soak: heap growth from the first to the last third: %.1f MiB (bound %.0f)%n", growth,
                MAX_GROWTH_MIB);
        assertTrue(queries > 10_000, "the soak ran at its rate: " + queries);
        assertTrue(heap.size() >= 15, "enough samples: " + heap.size());
        assertTrue(growth < MAX_GROWTH_MIB, "the heap kept growing: " + growth + " MiB");
    }

    @Test
    void theTrendCatchesALeakAndNotNoise() {
        List<Double> flat = new ArrayList<>();
        List<Double> leaking = new ArrayList<>();
        java.util.Random noise = new java.util.Random(1);
        for (int t = 0; t < 30; t++) {
            flat.add(80 + noise.nextGaussian() * 4);
            leaking.add(80 + t * 1.0 + noise.nextGaussian() * 4); // 1 MiB/s: 30 MiB over the measurement
        }
        assertTrue(MemoryTrend.growthMib(flat) < MAX_GROWTH_MIB, "noise is not growth");
        assertTrue(MemoryTrend.growthMib(leaking) >= MAX_GROWTH_MIB, "a leak of 30 MiB fails the bound");
    }

    /** VmRSS of this process, or NaN where /proc is not there. */
    private static double rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }

    /** Growth between the medians of the first and last thirds of a series: robust to single GC spikes. */
    static final class MemoryTrend {
        static double growthMib(List<Double> series) {
            int third = series.size() / 3;
            return median(series.subList(series.size() - third, series.size())) - median(series.subList(0, third));
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }
}
