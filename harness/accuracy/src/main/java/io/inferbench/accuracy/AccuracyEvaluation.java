package io.inferbench.accuracy;

import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.api.accuracy.EvaluationContext;

import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AccuracyResult;
import io.inferbench.scenario.AccuracySpec;
import io.inferbench.api.accuracy.AccuracyTaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a scenario's accuracy tasks on one loaded model, after its measurement: each task's
 * evaluator on a fresh runner, one after another. Never throws for a task: a model that does not
 * fit a task is SKIPPED, an evaluator that breaks (missing labels, wrong outputs, no font) is
 * FAILED, each with a note, and the configuration's measurement stands.
 */
public final class AccuracyEvaluation {
    private final AccuracySpec spec;
    private final Map<String, Evaluator> evaluators;

    public AccuracyEvaluation(AccuracySpec spec, Map<String, Evaluator> evaluators) {
        this.spec = spec;
        this.evaluators = evaluators;
    }

    /**
     * @param session   the configuration's loaded model
     * @param tokenizer the configuration's tokenizer, or null
     * @param companion finds a file shipped with the model by name (see {@link EvaluationContext#companion})
     * @param progress  receives progress lines
     */
    public List<AccuracyResult> run(ModelSession session, Path tokenizer, Function<String, Optional<Path>> companion,
                                    Consumer<String> progress) {
        List<AccuracyResult> out = new ArrayList<>();
        for (AccuracyTaskSpec task : spec.tasks()) {
            out.add(runTask(task, session, tokenizer, companion, progress));
        }
        return out;
    }

    private AccuracyResult runTask(AccuracyTaskSpec task, ModelSession session, Path tokenizer,
                                   Function<String, Optional<Path>> companion, Consumer<String> progress) {
        String dataset = task.dataset() == null ? "" : task.dataset().getFileName().toString();
        Evaluator evaluator = evaluators.get(task.evaluator());
        if (evaluator == null) {
            return new AccuracyResult(task.name(), task.evaluator(), dataset, AccuracyResult.Status.FAILED,
                    "no evaluator named '" + task.evaluator() + "' on the class path", List.of(), 0);
        }
        long t0 = System.nanoTime();
        try {
            String misfit = evaluator.unsuitable(session.inputs(), session.outputs());
            if (misfit != null) {
                return new AccuracyResult(task.name(), task.evaluator(), dataset, AccuracyResult.Status.SKIPPED,
                        "skipped: " + misfit, List.of(), 0);
            }
            progress.accept("accuracy: " + task.name() + " (" + evaluator.name() + ")");
            List<AccuracyMetric> metrics;
            try (Context context = new Context(task, session, tokenizer, companion, progress)) {
                metrics = evaluator.evaluate(context);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (metrics == null || metrics.isEmpty()) {
                return new AccuracyResult(task.name(), task.evaluator(), dataset, AccuracyResult.Status.FAILED,
                        evaluator.name() + " returned no metrics", List.of(), ms);
            }
            return new AccuracyResult(task.name(), task.evaluator(), dataset, AccuracyResult.Status.OK, null, metrics,
                    ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(task, dataset, "interrupted", t0);
        } catch (Exception | LinkageError | AssertionError | OutOfMemoryError e) {
            String m = e.getMessage();
            return failed(task, dataset, e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m), t0);
        }
    }

    private static AccuracyResult failed(AccuracyTaskSpec task, String dataset, String why, long t0) {
        return new AccuracyResult(task.name(), task.evaluator(), dataset, AccuracyResult.Status.FAILED,
                task.evaluator() + " failed: " + why, List.of(), (System.nanoTime() - t0) / 1e6);
    }

    private final class Context implements EvaluationContext, AutoCloseable {
        /** Prepared inputs live until their runner closes: a fresh runner every so many calls bounds that memory. */
        private static final int CALLS_PER_RUNNER = 16;
        private final AccuracyTaskSpec task;
        private final ModelSession session;
        private Runner runner;
        private int calls;
        private final Path tokenizer;
        private final Function<String, Optional<Path>> companion;
        private final Consumer<String> progress;

        Context(AccuracyTaskSpec task, ModelSession session, Path tokenizer,
                Function<String, Optional<Path>> companion, Consumer<String> progress) {
            this.task = task;
            this.session = session;
            this.tokenizer = tokenizer;
            this.companion = companion;
            this.progress = progress;
        }

        @Override
        public AccuracyTaskSpec task() {
            return task;
        }

        @Override
        public List<TensorSpec> inputs() {
            return session.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return session.outputs();
        }

        @Override
        public Map<String, Tensor> infer(Map<String, Tensor> inputs) throws Exception {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (runner != null && calls++ >= CALLS_PER_RUNNER) {
                close();
            }
            if (runner == null) {
                runner = session.newRunner();
                calls = 1;
            }
            return runner.runAndFetch(runner.prepare(inputs));
        }

        @Override
        public void close() {
            if (runner != null) {
                runner.close();
                runner = null;
            }
        }

        @Override
        public Optional<Path> tokenizer() {
            return Optional.ofNullable(tokenizer);
        }

        @Override
        public Optional<Path> companion(String fileName) {
            return companion.apply(fileName);
        }

        @Override
        public double confidence() {
            return spec.confidence();
        }

        @Override
        public void progress(String what) {
            progress.accept("accuracy: " + task.name() + ": " + what);
        }
    }
}
