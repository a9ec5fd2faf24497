package io.inferbench.run;

import io.inferbench.accuracy.OutputCapture;
import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.Tensor;
import io.inferbench.api.UnsupportedModelException;
import io.inferbench.env.MachineMonitor;
import io.inferbench.input.InputPlan;
import io.inferbench.input.SampleSet;
import io.inferbench.load.LoadGenerator;
import io.inferbench.result.AccuracyResult;
import io.inferbench.scenario.AgreementSpec;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.MachineActivity;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.SessionInfo;
import io.inferbench.scenario.AccuracySpec;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one prepared configuration and turns whatever happens into a {@link ConfigurationResult}, as a
 * pipeline: load the model ({@link LoadedModel}), prepare its inputs ({@link InputPreparation}),
 * measure ({@link MeasurementStep}), capture its outputs ({@link OutputCapture}), score its accuracy
 * ({@link AccuracyScoring}); around them, utilization and cold start ({@link ResourceTracker}). Each
 * step returns its part of the result; a failure at any step becomes the result's outcome.
 */
public final class ConfigurationRunner implements ConfigurationExecutor {
    private final Map<String, BackendProvider> backends;
    private final MeasurementStep measurement;
    private final Duration interval;
    private final AccuracySpec accuracy;
    private final Path captureDir;
    private final AgreementSpec capture;
    private final Path traceDir;
    private final int fork;

    public ConfigurationRunner(Map<String, BackendProvider> backends, LoadGenerator generator, Duration interval) {
        this(backends, new MeasurementStep(generator), interval, null, null, AgreementSpec.DEFAULT, null, 1);
    }

    private ConfigurationRunner(Map<String, BackendProvider> backends, MeasurementStep measurement, Duration interval,
                                AccuracySpec accuracy, Path captureDir, AgreementSpec capture, Path traceDir,
                                int fork) {
        this.backends = backends;
        this.measurement = measurement;
        this.interval = interval;
        this.accuracy = accuracy;
        this.captureDir = captureDir;
        this.capture = capture;
        this.traceDir = traceDir;
        this.fork = fork;
    }

    /**
     * This runner, also scoring each configuration on these accuracy tasks after its measurement;
     * null for none (a fork other than the first: accuracy is evaluated once per configuration).
     */
    public ConfigurationRunner withAccuracy(AccuracySpec tasks) {
        return new ConfigurationRunner(backends, measurement, interval, tasks, captureDir, capture, traceDir, fork);
    }

    /**
     * This runner, leaving each configuration's outputs on its first samples in {@code dir}
     * ({@link OutputCapture#file}) for the run's output-agreement analysis; null captures nothing.
     */
    public ConfigurationRunner withOutputCapture(Path dir) {
        return withOutputCapture(dir, AgreementSpec.DEFAULT);
    }

    /** The same, on the samples and outputs {@code accuracy.agreement} asks for. */
    public ConfigurationRunner withOutputCapture(Path dir, AgreementSpec spec) {
        return new ConfigurationRunner(backends, measurement, interval, accuracy, dir,
                spec == null ? AgreementSpec.DEFAULT : spec, traceDir, fork);
    }

    /**
     * This runner, writing the query trace of each configuration with {@code run.trace: true} to
     * {@code dir} as the piece of fork {@code forkNumber} ({@link TracePiece#file}); null writes none.
     */
    public ConfigurationRunner withTrace(Path dir, int forkNumber) {
        return new ConfigurationRunner(backends, measurement, interval, accuracy, captureDir, capture, dir, forkNumber);
    }

    @Override
    public ConfigurationResult execute(PreparedConfiguration pc, RunListener listener) throws InterruptedException {
        if (pc.notRunnable() != null) {
            return ConfigurationResults.notMeasured(pc, pc.notRunnable().status(), pc.notRunnable().reason(),
                    List.of());
        }
        try {
            return run(pc, listener);
        } catch (DeviceUnavailableException e) {
            return notMeasured(pc, ConfigurationStatus.SKIPPED, "skipped: " + e.getMessage());
        } catch (UnsupportedModelException e) {
            return notMeasured(pc, ConfigurationStatus.SKIPPED, "not supported by this backend: " + e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            // Anything else (including OutOfMemoryError from a native allocation) fails this
            // configuration only; the run goes on.
            String m = e.getMessage();
            return notMeasured(pc, ConfigurationStatus.FAILED, e instanceof BackendException && m != null
                    ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
        }
    }

    /** The steps, in order; any of them may throw, which {@link #execute} turns into the outcome. */
    private ConfigurationResult run(PreparedConfiguration pc, RunListener listener) throws Exception {
        ConfigurationSpec c = pc.spec();
        listener.step("loading model");
        try (MachineMonitor machine = MachineMonitor.start(c.hardware().cpus(), c.run().busyThresholdPercent());
             ResourceTracker resources = ResourceTracker.start(c.hardware().device(), interval);
             LoadedModel model = LoadedModel.open(backends.get(c.backend().name()), pc)) {
            List<Problem> problems = new ArrayList<>();
            InputPlan plan = InputPreparation.plan(pc, model.session().inputs(), problems);
            if (plan == null) {
                return notMeasured(pc, ConfigurationStatus.FAILED, problems.get(0).message());
            }
            listener.step("preparing " + c.inputs().samples() + " samples");
            SampleSet sampleSet = InputPreparation.sampleSet(pc, plan);
            List<Map<String, Tensor>> samples = sampleSet.samples();
            int maxBatch = c.batching() == null ? 1 : c.batching().maxBatchSize();
            try (SessionSystemUnderTest sut = new SessionSystemUnderTest(model.session(), samples,
                    c.inputs().batchSize(), maxBatch, InputPreparation.draws(pc, samples.size()))) {
                InputPreparation.recordLengths(pc, sampleSet, sut);
                double firstMs = firstInference(sut);
                resources.mark("warmup");
                machine.loadStarts();
                MeasurementStep.Measured measured = measurement.run(c, MeasurementStep.loadPlan(c, interval), sut,
                        resources, new SessionMarkingListener(listener, model.session()));
                // Read now, so that the output capture and accuracy below are not in the session's figures.
                Map<String, String> properties = model.session().properties();
                MachineActivity activity = machine.stop();
                if (traceDir != null && !measured.traces().isEmpty()) {
                    listener.step("writing the query trace");
                    TracePiece.write(TracePiece.file(traceDir, c.id(), fork), measured.traces());
                }
                // Accuracy mode, after the measurement and outside any timed region; its own phase on the
                // utilization timeline, so the measurement's energy and CPU figures do not include it.
                boolean scoring = !(measured.outcome() instanceof ConfigurationOutcome.Failed)
                        && accuracy != null && !accuracy.tasks().isEmpty();
                if (scoring) {
                    resources.mark("accuracy");
                }
                OutputCapture.capture(model.session(), samples, OutputCapture.file(captureDir, c.id()), capture);
                List<AccuracyResult> scored = scoring ? AccuracyScoring.score(accuracy, pc, model.session(), listener)
                        : List.of();
                ResourcesResult used = resources.finish(model.loadMs(), firstMs, measured.phases(),
                        pc.model().sizeBytes());
                SessionInfo session = new SessionInfo(ConfigurationResults.tensors(plan.specs()),
                        ConfigurationResults.tensors(model.session().outputs()), properties,
                        InputPreparation.lengths(pc, sampleSet));
                return new ConfigurationResult(ConfigurationResults.setup(pc), session, measured.outcome(),
                        measured.phases(), used, scored, activity);
            }
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

    private static ConfigurationResult notMeasured(PreparedConfiguration pc, ConfigurationStatus status,
                                                   String reason) {
        return ConfigurationResults.notMeasured(pc, status, reason, List.of());
    }
}
