package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The nightly gate's site figures (printed for the README, not asserted: machines vary): a year of
 * nights — 365 runs × 20 configurations of one scenario, stored as run folders like {@code results/}
 * — built in full from the files, then one more night added to that site. Each run folder holds the
 * {@code report.html} that {@code inferbench run} writes beside its result. The runs are the real
 * cross-backend result widened to 20 configurations, latencies scaled by seeded noise with a +10%
 * step from night 200.
 */
class SiteSpeedTest {
    private static final Path ROOT = Path.of("target/site-speed");
    private static final int NIGHTS = 365;

    @Test
    void aYearOfNightsThenOneMore() throws IOException {
        List<Path> files = writeNights(NIGHTS + 1);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path site = ROOT.resolve("site");
        deleteTree(site);

        String load = load();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SiteBuilder.Site full = new SiteBuilder(new ReportRenderer()).buildFrom(inputs(files.subList(0, NIGHTS)), site);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("full site of %d runs x 20 configurations (from result files): %.2f s wall, %.1f s CPU "
                + "(%d cores; load average before: %s)%n", NIGHTS, wall, cpu,
                Runtime.getRuntime().availableProcessors(), load);
        assertEquals(NIGHTS, full.runs());
        assertEquals(NIGHTS + NIGHTS - 1, full.rendered().size());

        load = load();
        cpu0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        // A fresh builder and fresh inputs, as the next night's `inferbench report results/ --site site/` has.
        SiteBuilder.Site next = new SiteBuilder(new ReportRenderer()).buildFrom(inputs(files), site);
        wall = (System.nanoTime() - t0) / 1e9;
        cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("one night added to that site: %.2f s wall, %.1f s CPU (%d results read, %d pages "
                + "rendered, %d kept; load average before: %s)%n", wall, cpu, next.parsed(), next.rendered().size(),
                next.reused(), load);
        assertEquals(1, next.parsed());
        assertEquals(2, next.rendered().size());
        System.out.printf("history page (p50) %.2f MB, index %.2f MB, chooser %.2f MB, manifest %.2f MB%n",
                Files.size(site.resolve("scenarios/nightly.html")) / 1e6, Files.size(site.resolve("index.html")) / 1e6,
                Files.size(site.resolve("compare.html")) / 1e6, Files.size(site.resolve(SiteManifest.FILE)) / 1e6);
    }

    /** Building the inputs is part of the timed build: it reads and digests every result file. */
    private static List<SiteInput> inputs(List<Path> files) throws IOException {
        List<SiteInput> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(SiteInput.read(f));
        }
        return inputs;
    }

    private static List<Path> writeNights(int nights) throws IOException {
        RunResult real = SiteFixtures.crossBackend();
        ReportRenderer renderer = new ReportRenderer();
        Random random = new Random(365);
        Instant start = Instant.parse("2026-01-01T02:00:00Z");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < nights; i++) {
            String id = String.format("2026-night-%03d", i + 1);
            Path f = ROOT.resolve("results").resolve(id).resolve("result.json");
            double factor = (i >= 200 ? 1.1 : 1.0) * (1 + 0.02 * random.nextGaussian());
            Path report = f.resolveSibling(SiteInput.REPORT_FILE);
            // Kept between runs of the test (only the build is measured); the report written as `run` does.
            if (!Files.isRegularFile(f) || !Files.isRegularFile(report)) {
                RunResult night = SiteFixtures.widened(real, 20, id, start.plus(Duration.ofDays(i)), "nightly", factor);
                ResultJson.write(night, f);
                renderer.write(night, report);
            }
            files.add(f);
        }
        return files;
    }

    private static String load() throws IOException {
        Path avg = Path.of("/proc/loadavg");
        return Files.exists(avg) ? Files.readString(avg).strip() : "unknown";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
