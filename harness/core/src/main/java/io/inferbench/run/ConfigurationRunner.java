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
import io.inferbench.load.LoadGenerator;
import io.inferbench.load.LoadPlan;
import io.inferbench.load.LoadResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.TensorInfo;
import io.inferbench.result.Verdict;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.Durations;
import io.inferbench.scenario.RunSpec;
import io.inferbench.stats.PhaseSummaries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs one prepared configuration and turns whatever happens into a {@link ConfigurationResult}. */
public final class ConfigurationRunner implements ConfigurationExecutor {
    private final Map<String, BackendProvider> backends;
    private final LoadGenerator generator;
    private final Duration interval;

    public ConfigurationRunner(Map<String, BackendProvider> backends, LoadGenerator generator, Duration interval) {
        this.backends = backends;
        this.generator = generator;
        this.interval = interval;
    }

    @Override
    public ConfigurationResult execute(PreparedConfiguration pc, RunListener listener) throws InterruptedException {
        ConfigurationSpec c = pc.spec();
        BackendProvider provider = backends.get(c.backend().name());
        listener.step("loading model");
        long t0 = System.nanoTime();
        try (ModelSession session = provider.open(new ModelLoadRequest(pc.model().path(), c.model().format(),
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
            LoadResult load;
            try (SessionSystemUnderTest sut = new SessionSystemUnderTest(session, samples, c.inputs().batchSize())) {
                RunSpec r = c.run();
                LoadPlan lp = new LoadPlan(c.load(), r.warmup(), r.minDuration(), r.minQueries(), r.maxDuration(),
                        interval);
                load = generator.run(lp, sut, listener);
            }
            PhaseResult warmup = PhaseSummaries.summarize(load.warmup(), load.samplesPerQuery());
            PhaseResult measured = PhaseSummaries.summarize(load.measurement(), load.samplesPerQuery());
            Verdict verdict = Verdict.of(reasons(c.run(), measured, load.abortReason()));
            boolean failed = load.abortReason() != null && measured.queries() == measured.errors();
            return new ConfigurationResult(c.id(), c.label(), c.axes(), c.backend().name(),
                    c.hardware().device().toString(), c.load().describe(), c.settings(), modelInfo(pc),
                    failed ? ConfigurationStatus.FAILED : ConfigurationStatus.OK,
                    failed ? load.abortReason() : null, verdict, tensors(plan.specs()), tensors(session.outputs()),
                    session.properties(), loadMs, warmup, measured);
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

    private static List<Map<String, Tensor>> samples(PreparedConfiguration pc, InputPlan plan) throws Exception {
        var in = pc.spec().inputs();
        if (pc.tokenizer() == null) {
            return SampleFactory.build(plan, in.samples(), in.seed(), null, null);
        }
        try (TextEncoder encoder = TextEncoder.open(pc.tokenizer().path(), in.sequenceLength())) {
            return SampleFactory.build(plan, in.samples(), in.seed(), pc.texts(), encoder);
        }
    }

    /** MLPerf-style validity: every rule the measurement broke, in words. */
    static List<String> reasons(RunSpec run, PhaseResult m, String abortReason) {
        List<String> reasons = new ArrayList<>();
        if (abortReason != null) {
            reasons.add("aborted: " + abortReason);
        }
        if (m.durationMs() < run.minDuration().toMillis()) {
            reasons.add(String.format("ran %.1f s, less than min-duration %s", m.durationMs() / 1000,
                    Durations.format(run.minDuration())));
        }
        if (m.queries() < run.minQueries()) {
            reasons.add("completed " + m.queries() + " queries, fewer than min-queries " + run.minQueries());
        }
        if (m.errors() > 0) {
            reasons.add(m.errors() + " of " + m.queries() + " queries failed (first: " + m.firstError() + ")");
        }
        return reasons;
    }

    static ConfigurationResult failed(PreparedConfiguration pc, ConfigurationStatus status, String reason) {
        ConfigurationSpec c = pc.spec();
        return new ConfigurationResult(c.id(), c.label(), c.axes(), c.backend().name(),
                c.hardware().device().toString(), c.load().describe(), c.settings(), modelInfo(pc), status, reason,
                null, pc.plan() == null ? List.of() : tensors(pc.plan().specs()), tensors(pc.outputs()), Map.of(), 0,
                null, null);
    }

    static ModelInfo modelInfo(PreparedConfiguration pc) {
        var m = pc.model();
        return new ModelInfo(pc.spec().model().name(), m.source(), m.path() == null ? "" : m.path().toString(),
                pc.spec().model().format().name().toLowerCase(java.util.Locale.ROOT), m.sizeBytes(), m.sha256());
    }

    static List<TensorInfo> tensors(List<TensorSpec> specs) {
        return specs.stream().map(t -> new TensorInfo(t.name(), t.dtype().id(),
                Arrays.stream(t.shape()).boxed().toList())).toList();
    }
}
