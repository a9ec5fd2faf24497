package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.load.HistogramCodec;
import io.inferbench.api.Interval;
import io.inferbench.result.LatencySummary;
import io.inferbench.result.PercentileEstimate;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.RunSummary;
import io.inferbench.result.ScenarioRecord;
import io.inferbench.result.TimelinePoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Results for site tests. {@link #crossBackend()} is the real result of
 * {@code ./inferbench run scenarios/09-cross-backend.yaml} (committed unedited). The nightly series
 * are derived from it: each night's run is the real one with every latency (histogram, summary,
 * timeline) scaled by a seeded factor — noise around 1, plus a known step — so the history pages
 * show real shapes with a change at a known run. They are labelled as derived in their run ids.
 */
final class SiteFixtures {
    private SiteFixtures() {
    }

    static RunResult crossBackend() {
        try (InputStream in = SiteFixtures.class.getResourceAsStream("/site/cross-backend-result.json")) {
            // A result of schema 1, as an older InferBench wrote it: read through the upgrade.
            return ResultJson.fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code nights} runs derived from {@code real}, one a day, each configuration's latency scaled
     * by {@code factor(night)} times 2% seeded noise.
     */
    static List<RunResult> nightly(RunResult real, int nights, long seed, IntToDoubleFunction factor) {
        Random random = new Random(seed);
        List<RunResult> runs = new ArrayList<>();
        for (int night = 0; night < nights; night++) {
            List<ConfigurationResult> configs = new ArrayList<>();
            for (ConfigurationResult c : real.configurations()) {
                configs.add(scaled(c, factor.applyAsDouble(night) * (1 + 0.02 * random.nextGaussian())));
            }
            java.time.Instant start = real.startedAt().minus(Duration.ofDays(nights - night));
            String id = String.format("%s-derived-night-%03d", real.runId(), night + 1);
            runs.add(new RunResult(real.schema(), id, start, start.plus(Duration.between(real.startedAt(),
                    real.finishedAt())), real.scenario(), real.environment(), configs,
                    new RunSummary(real.summary().comparisons(), real.summary().recommendation(),
                            real.summary().agreements(), List.of())));
        }
        return runs;
    }

    /** {@code real} with {@code configurations} configurations (its own, repeated under new labels). */
    static RunResult widened(RunResult real, int configurations, String runId, java.time.Instant start,
                             String scenario, double factor) {
        List<ConfigurationResult> configs = new ArrayList<>();
        for (int i = 0; i < configurations; i++) {
            ConfigurationResult c = scaled(real.configurations().get(i % real.configurations().size()),
                    factor * (1 + 0.05 * (i / real.configurations().size())));
            ConfigurationSetup setup = c.setup();
            configs.add(new ConfigurationResult(new ConfigurationSetup(String.format("c%02d", i + 1),
                    c.label() + " variant=" + i, setup.axes(), setup.backend(), setup.device(), setup.load(),
                    setup.model(), setup.feed(), setup.baseline(), setup.settings()), c.session(), c.outcome(),
                    c.phases(), c.resources(), List.of()));
        }
        ScenarioRecord s = real.scenario();
        return new RunResult(real.schema(), runId, start, start.plusSeconds(60),
                new ScenarioRecord(s.file(), scenario, s.description(), s.sha256(), s.source()), real.environment(),
                configs, null);
    }

    /** {@code run} with every latency scaled by {@code f} (same id and times). */
    static RunResult scaled(RunResult run, double f) {
        return new RunResult(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.scenario(),
                run.environment(), run.configurations().stream().map(c -> scaled(c, f)).toList(), run.summary());
    }

    /** {@code run} measured on a machine whose {@code library} is at {@code version} (a new fingerprint). */
    static RunResult withLibrary(RunResult run, String library, String version) {
        io.inferbench.result.EnvironmentInfo e = run.environment();
        java.util.Map<String, String> libraries = new java.util.TreeMap<>(e.libraries());
        libraries.put(library, version);
        return new RunResult(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.scenario(),
                new io.inferbench.result.EnvironmentInfo(e.hostname(), e.cpuModel(), e.cpuFlags(), e.logicalCores(),
                        e.memoryBytes(), e.os(), e.kernel(), e.arch(), e.jvm(), e.jvmArgs(), libraries, e.gitCommit(),
                        e.timestamp(), e.gpus()), run.configurations(), run.summary());
    }

    /** {@code run} with every configuration's p99 (and above) scaled by {@code f}, the median left as it is. */
    static RunResult withTail(RunResult run, double f) {
        List<ConfigurationResult> configs = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            PhasesResult p = c.phases();
            PhaseResult m = p.measurement();
            if (m == null || m.latency() == null) {
                configs.add(c);
                continue;
            }
            LatencySummary l = m.latency();
            LatencySummary tail = new LatencySummary(l.count(), l.meanMs(), l.meanCi95Ms(), l.stdevMs(), l.minMs(),
                    l.maxMs() * f, l.percentiles().stream().map(e -> e.percentile() < 99 ? e
                    : new PercentileEstimate(e.percentile(), e.valueMs() * f, scaled(e.ci95Ms(), f))).toList());
            PhaseResult measurement = new PhaseResult(m.queries(), m.samples(), m.errors(), m.firstError(),
                    m.durationMs(), m.throughputQps(), m.throughputCi95Qps(), m.samplesPerSecond(), tail, m.histogram(),
                    m.timeline(), m.openLoop(), m.batching(), m.stability(), m.earlyStopping());
            configs.add(new ConfigurationResult(c.setup(), c.session(), c.outcome(), new PhasesResult(p.warmup(),
                    measurement, p.forks(), p.variation(), p.peak()), c.resources(), c.accuracy()));
        }
        return new RunResult(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.scenario(),
                run.environment(), configs, run.summary());
    }

    static ConfigurationResult scaled(ConfigurationResult c, double f) {
        PhasesResult p = c.phases();
        return new ConfigurationResult(c.setup(), c.session(), c.outcome(), new PhasesResult(scaled(p.warmup(), f),
                scaled(p.measurement(), f), p.forks().stream().map(fork -> scaled(fork, f)).toList(), p.variation(),
                p.peak()), c.resources(), List.of());
    }

    private static PhaseResult scaled(PhaseResult p, double f) {
        if (p == null) {
            return null;
        }
        LatencySummary l = p.latency();
        LatencySummary latency = l == null ? null : new LatencySummary(l.count(), l.meanMs() * f, scaled(l.meanCi95Ms(), f),
                l.stdevMs() * f, l.minMs() * f, l.maxMs() * f, l.percentiles().stream()
                .map(e -> new PercentileEstimate(e.percentile(), e.valueMs() * f, scaled(e.ci95Ms(), f))).toList());
        List<TimelinePoint> timeline = p.timeline().stream().map(t -> new TimelinePoint(t.startSeconds(),
                t.endSeconds(), t.queries(), t.errors(), t.qps() / f, t.p50Ms() * f, t.p90Ms() * f, t.p99Ms() * f,
                t.maxMs() * f)).toList();
        return new PhaseResult(p.queries(), p.samples(), p.errors(), p.firstError(), p.durationMs(),
                p.throughputQps() / f, scaled(p.throughputCi95Qps(), 1 / f), p.samplesPerSecond() / f, latency,
                p.histogram() == null ? null : scaled(p.histogram(), f), timeline, p.openLoop(), p.batching(),
                p.stability(), p.earlyStopping());
    }

    private static Interval scaled(Interval i, double f) {
        return i == null ? null : new Interval(i.low() * f, i.high() * f, i.bounded());
    }

    private static String scaled(String histogram, double f) {
        Histogram h = HistogramCodec.decode(histogram);
        Histogram out = HistogramCodec.newHistogram();
        for (HistogramIterationValue v : h.recordedValues()) {
            out.recordValueWithCount(Math.max(1, Math.round(v.getValueIteratedTo() * f)), v.getCountAtValueIteratedTo());
        }
        return HistogramCodec.encode(out);
    }
}
