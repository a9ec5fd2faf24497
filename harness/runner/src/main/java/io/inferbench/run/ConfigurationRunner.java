package io.inferbench.run;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.input.InputPlan;
import io.inferbench.input.SampleFactory;
import io.inferbench.input.TextEncoder;
import io.inferbench.accuracy.OutputCapture;
import io.inferbench.api.Device;
import io.inferbench.load.LoadGenerator;
import io.inferbench.result.ColdStart;
import io.inferbench.result.UtilizationResult;
import io.inferbench.utilization.ColdStarts;
import io.inferbench.utilization.SamplerSources;
import io.inferbench.utilization.UtilizationSampler;
import io.inferbench.load.LoadProfile;
import io.inferbench.load.PeakSearcher;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.load.LoadPlan;
import io.inferbench.load.LoadResult;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.Verdict;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.RunSpec;
import io.inferbench.stats.PhaseSummaries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one prepared configuration and turns whatever happens into a {@link ConfigurationResult}. */
public final class ConfigurationRunner implements ConfigurationExecutor {
    private final Map<String, BackendProvider> backends;
    private final LoadGenerator generator;
    private final Duration interval;
    private final io.inferbench.scenario.AccuracySpec accuracy;
    private final java.nio.file.Path captureDir;

    public ConfigurationRunner(Map<String, BackendProvider> backends, LoadGenerator generator, Duration interval) {
        this(backends, generator, interval, null, null);
    }

    private ConfigurationRunner(Map<String, BackendProvider> backends, LoadGenerator generator, Duration interval,
                                io.inferbench.scenario.AccuracySpec accuracy, java.nio.file.Path captureDir) {
        this.backends = backends;
        this.generator = generator;
        this.interval = interval;
        this.accuracy = accuracy;
        this.captureDir = captureDir;
    }

    /**
     * This runner, also scoring each configuration on these accuracy tasks after its measurement;
     * null for none (a fork other than the first: accuracy is evaluated once per configuration).
     */
    public ConfigurationRunner withAccuracy(io.inferbench.scenario.AccuracySpec tasks) {
        return new ConfigurationRunner(backends, generator, interval, tasks, captureDir);
    }

    /**
     * This runner, leaving each configuration's outputs on its first samples in {@code dir}
     * ({@link OutputCapture#file}) for the run's output-agreement analysis; null captures nothing.
     */
    public ConfigurationRunner withOutputCapture(java.nio.file.Path dir) {
        return new ConfigurationRunner(backends, generator, interval, accuracy, dir);
    }

    @Override
    public ConfigurationResult execute(PreparedConfiguration pc, RunListener listener) throws InterruptedException {
        ConfigurationSpec c = pc.spec();
        if (pc.notRunnable() != null) {
            return failed(pc, pc.notRunnable().status(), pc.notRunnable().reason());
        }
        BackendProvider provider = backends.get(c.backend().name());
        listener.step("loading model");
        // Sampled in this process, which is the one running the backend (a forked child by default).
        UtilizationSampler sampler = new UtilizationSampler(c.hardware().device().kind() == Device.Kind.GPU
                ? SamplerSources.system().withGpu(c.hardware().device().id()) : SamplerSources.system());
        sampler.start(interval);
        sampler.mark("load");
        long t0 = System.nanoTime();
        try (sampler; ModelSession session = provider.open(new ModelLoadRequest(pc.model().path(), pc.loadFormat(),
                c.hardware().device(), c.backend().options()))) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            List<TensorSpec> declared = session.inputs();
            InputPlan plan = pc.plan();
            if (plan == null) {
                List<io.inferbench.scenario.Problem> problems = new ArrayList<>();
                plan = InputPlan.resolve(c.inputs(), declared, "scenario", problems);
                if (plan == null) {
                    return failed(pc, ConfigurationStatus.FAILED, problems.get(0).message());
                }
            }
            listener.step("preparing " + c.inputs().samples() + " samples");
            List<Map<String, Tensor>> samples = samples(pc, plan);
            RunSpec r = c.run();
            LoadPlan lp = new LoadPlan(c.load() instanceof LoadProfile.PeakSearch ps ? ps.probe(ps.start()) : c.load(),
                    r.warmup(), r.minDuration(), r.minQueries(), r.maxDuration(), interval, c.batching(),
                    r.stability() != null && r.stability().warmupUntilStable()
                            ? intervals -> io.inferbench.stats.Stability.isStable(intervals, r.stability().windows(),
                            r.stability().tolerancePercent(), r.stability().percentile()) : null);
            int maxBatch = c.batching() == null ? 1 : c.batching().maxBatchSize();
            try (SessionSystemUnderTest sut = new SessionSystemUnderTest(session, samples, c.inputs().batchSize(),
                    maxBatch)) {
                double firstMs = firstInference(sut);
                sampler.mark("warmup");
                Outcome o = c.load() instanceof LoadProfile.PeakSearch ps
                        ? peakSearch(ps, lp, sut, listener, c, sampler) : measure(c.load(), lp, sut, listener, c);
                if (o.measurement() != null && !(c.load() instanceof LoadProfile.PeakSearch)) {
                    sampler.markAt("measurement", System.nanoTime() - (long) (o.measurement().durationMs() * 1e6));
                }
                // Accuracy mode, after the measurement and outside any timed region; its own phase on the
                // utilization timeline, so the measurement's energy and CPU figures do not include it.
                boolean tasks = !o.failed() && accuracy != null && !accuracy.tasks().isEmpty();
                if (tasks) {
                    sampler.mark("accuracy");
                }
                OutputCapture.capture(session, samples, OutputCapture.file(captureDir, c.id()));
                List<io.inferbench.result.AccuracyResult> scored = tasks ? evaluate(pc, session, listener) : List.of();
                UtilizationResult utilization = sampler.stop();
                ColdStart coldStart = o.warmup() == null || o.measurement() == null ? null : ColdStarts.of(loadMs,
                        firstMs, ColdStarts.p50s(o.warmup().timeline(), o.measurement().timeline()), interval,
                        pc.model().sizeBytes());
                return new ConfigurationResult(ConfigurationResults.setup(pc),
                        new SessionInfo(ConfigurationResults.tensors(plan.specs()),
                                ConfigurationResults.tensors(session.outputs()), session.properties()),
                        o.failed() ? new ConfigurationOutcome.Failed(o.error())
                                : new ConfigurationOutcome.Ok(o.verdict()),
                        PhasesResult.once(o.warmup(), o.measurement(), o.peak()),
                        new ResourcesResult(loadMs, coldStart, utilization), scored);
            }
        } catch (DeviceUnavailableException e) {
            return failed(pc, ConfigurationStatus.SKIPPED, "skipped: " + e.getMessage());
        } catch (UnsupportedModelException e) {
            return failed(pc, ConfigurationStatus.SKIPPED, "not supported by this backend: " + e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            // Anything else (including OutOfMemoryError from a native allocation) fails this
            // configuration only; the run goes on.
            String m = e.getMessage();
            return failed(pc, ConfigurationStatus.FAILED, e instanceof io.inferbench.api.BackendException && m != null
                    ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
        }
    }

    /** The scenario's accuracy tasks on this session; empty without any. Never throws. */
    private List<io.inferbench.result.AccuracyResult> evaluate(PreparedConfiguration pc, ModelSession session,
                                                               RunListener listener) {
        if (accuracy == null || accuracy.tasks().isEmpty()) {
            return List.of();
        }
        return new io.inferbench.accuracy.AccuracyEvaluation(accuracy, io.inferbench.api.accuracy.Evaluators.installed())
                .run(session, pc.tokenizer() == null ? null : pc.tokenizer().path(),
                        name -> companion(pc.spec().model().source(), name), listener::step);
    }

    /** A file shipped with the model: an entry of its jar, or a file beside it. */
    static java.util.Optional<java.nio.file.Path> companion(io.inferbench.scenario.ModelSource source, String name) {
        try {
            if (source instanceof io.inferbench.scenario.ModelSource.MavenEntry e) {
                var resolver = io.inferbench.model.ModelResolver.defaults();
                var entry = resolver.findEntry(e.artifact(), name);
                if (entry.isPresent()) {
                    return java.util.Optional.of(resolver.resolve(
                            new io.inferbench.scenario.ModelSource.MavenEntry(e.artifact(), entry.get())).path());
                }
            } else if (source instanceof io.inferbench.scenario.ModelSource.LocalFile f) {
                java.nio.file.Path p = f.path().toAbsolutePath().resolveSibling(name);
                if (java.nio.file.Files.isRegularFile(p)) {
                    return java.util.Optional.of(p);
                }
            }
        } catch (io.inferbench.model.ModelResolutionException e) {
            // not found is what the evaluator reports
        }
        return java.util.Optional.empty();
    }

    private static List<Map<String, Tensor>> samples(PreparedConfiguration pc, InputPlan plan) throws Exception {
        var in = pc.spec().inputs();
        if (pc.tokenizer() == null) {
            return SampleFactory.build(plan, in.samples(), in.seed(), null, null);
        }
        try (TextEncoder encoder = TextEncoder.open(pc.tokenizer().path(), in.sequenceLength())) {
            return SampleFactory.build(plan, in.samples(), in.seed(), pc.texts(), encoder);
        }
    }

    /**
     * The very first inference on a freshly loaded model (cold caches, lazy initialisation), timed on
     * worker 0 before the warmup; NaN when it fails (the load run then reports the failure).
     */
    private static double firstInference(SessionSystemUnderTest sut) {
        try {
            var worker = sut.worker(0);
            long t0 = System.nanoTime();
            worker.issue(0);
            return (System.nanoTime() - t0) / 1e6;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** What one configuration's load produced. */
    private record Outcome(PhaseResult warmup, PhaseResult measurement, Verdict verdict, boolean failed, String error,
                           PeakSearchResult peak) {
    }

    private Outcome measure(LoadProfile profile, LoadPlan lp, SessionSystemUnderTest sut, RunListener listener,
                            ConfigurationSpec c) throws InterruptedException {
        LoadResult load = generator.run(lp, sut, listener);
        PhaseResult warmup = Measurements.phase(load.warmup(), load.samplesPerQuery(), profile, c.batching(), c.run());
        PhaseResult measured = Measurements.phase(load.measurement(), load.samplesPerQuery(), profile, c.batching(),
                c.run());
        boolean failed = load.abortReason() != null && measured.queries() == measured.errors();
        return new Outcome(warmup, measured, Verdict.of(Measurements.reasons(c.run(), measured, load)), failed,
                failed ? load.abortReason() : null, null);
    }

    /** Probes one load after another; the result's measurement is the peak's probe (or the last one). */
    private Outcome peakSearch(LoadProfile.PeakSearch ps, LoadPlan lp, SessionSystemUnderTest sut,
                               RunListener listener, ConfigurationSpec c, UtilizationSampler sampler)
            throws InterruptedException {
        PeakSearcher.Outcome o = PeakSearcher.search(ps, probe -> {
            listener.step("probing " + probe.describe());
            sampler.mark("probe " + probe.describe());
            return generator.run(lp.with(probe), sut, listener);
        });
        List<PeakSearchResult.Probe> probes = new ArrayList<>();
        PeakSearcher.Probe best = null;
        for (PeakSearcher.Probe p : o.probes()) {
            PhaseResult m = Measurements.phase(p.result().measurement(), p.result().samplesPerQuery(),
                    ps.probe(p.load()), c.batching(), c.run());
            probes.add(new PeakSearchResult.Probe(p.load(), p.meetsSlo(), p.percentileNanos() / 1e6, p.throughputQps(),
                    m));
            if (p.meetsSlo() && (best == null || p.load() > best.load())) {
                best = p;
            }
        }
        PeakSearcher.Probe shown = best != null ? best : o.probes().get(o.probes().size() - 1);
        LoadProfile shownProfile = ps.probe(shown.load());
        PhaseResult warmup = Measurements.phase(shown.result().warmup(), shown.result().samplesPerQuery(),
                shownProfile, c.batching(), c.run());
        PhaseResult measured = Measurements.phase(shown.result().measurement(), shown.result().samplesPerQuery(),
                shownProfile, c.batching(), c.run());
        List<String> reasons = new ArrayList<>();
        if (!o.found()) {
            reasons.add("SLO missed: no load met p" + fmt(ps.percentile()) + " <= " + ps.slo().toMillis() + " ms ("
                    + shown.why() + ")");
        } else {
            reasons.addAll(Measurements.reasons(c.run(), measured, shown.result()));
        }
        PeakSearchResult peak = new PeakSearchResult(ps.searched().id(), ps.percentile(), ps.slo().toNanos() / 1e6,
                o.found(), o.peak(), probes);
        return new Outcome(warmup, measured, Verdict.of(reasons), false, null, peak);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static ConfigurationResult failed(PreparedConfiguration pc, ConfigurationStatus status, String reason) {
        return ConfigurationResults.notMeasured(pc, status, reason, List.of());
    }
}
