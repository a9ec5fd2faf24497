package io.inferbench.accuracy;

import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.api.accuracy.EvaluationContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.accuracy.tasks.ClassificationEvaluator;
import io.inferbench.api.DType;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AccuracyResult;
import io.inferbench.scenario.AccuracySpec;
import io.inferbench.api.accuracy.AccuracyTaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks run one after another on a loaded model; one that does not fit is skipped, one that breaks
 * (missing labels, wrong outputs, an exception) fails with a note, and neither stops the others.
 */
class AccuracyEvaluationTest {
    @TempDir
    Path dir;

    /** A "model" scoring [batch, 3] inputs as themselves: its argmax is the input's largest value. */
    static final class IdentitySession implements ModelSession {
        final List<Integer> runnersOpened = new ArrayList<>();
        int open;

        @Override
        public List<TensorSpec> inputs() {
            return List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, 3}));
        }

        @Override
        public List<TensorSpec> outputs() {
            return List.of(new TensorSpec("scores", DType.FLOAT32, new long[] {-1, 3}));
        }

        @Override
        public Map<String, String> properties() {
            return Map.of();
        }

        @Override
        public Runner newRunner() {
            runnersOpened.add(1);
            open++;
            return new Runner() {
                @Override
                public PreparedInput prepare(Map<String, Tensor> inputs) {
                    return new Prepared(inputs.get("x"));
                }

                @Override
                public void run(PreparedInput input) {
                }

                @Override
                public Map<String, Tensor> runAndFetch(PreparedInput input) {
                    return Map.of("scores", ((Prepared) input).x());
                }

                @Override
                public void close() {
                    open--;
                }
            };
        }

        @Override
        public void close() {
        }

        record Prepared(Tensor x) implements PreparedInput {
        }
    }

    private static AccuracyTaskSpec task(String name, String evaluator, Path dataset) {
        return new AccuracyTaskSpec(name, evaluator, dataset, null, 42, 4, Map.of("output", ""));
    }

    private static Evaluator throwing(String name, RuntimeException e) {
        return new Evaluator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "throws";
            }

            @Override
            public String unsuitable(List<TensorSpec> inputs, List<TensorSpec> outputs) {
                return null;
            }

            @Override
            public List<AccuracyMetric> evaluate(EvaluationContext context) {
                throw e;
            }
        };
    }

    private List<AccuracyResult> run(List<AccuracyTaskSpec> tasks, Map<String, Evaluator> evaluators,
                                     IdentitySession session) {
        List<String> progress = new ArrayList<>();
        List<AccuracyResult> r = new AccuracyEvaluation(new AccuracySpec(null, 0.95, tasks), evaluators)
                .run(session, null, name -> Optional.empty(), progress::add);
        assertTrue(progress.stream().allMatch(p -> p.startsWith("accuracy: ")), progress.toString());
        return r;
    }

    @Test
    void classificationScoresArgmaxAgainstLabels() throws Exception {
        Path data = dir.resolve("items.tsv");
        // Four right (the label's value is the largest), one wrong.
        Files.writeString(data, "# class<TAB>values\n0\t3 1 1\n1\t0 5 1\n2\t0 1 9\n1\t2 8 0\n0\t0 0 1\n");
        IdentitySession session = new IdentitySession();
        AccuracyResult r = run(List.of(task("items", "classification", data)),
                Map.of("classification", new ClassificationEvaluator()), session).get(0);
        assertEquals(AccuracyResult.Status.OK, r.status(), r.note());
        AccuracyMetric m = r.main();
        assertEquals(0.8, m.value(), 1e-12);
        assertEquals(5, m.sampleSize());
        assertEquals(5, m.items().size());
        assertTrue(m.interval().low() < 0.8 && m.interval().high() > 0.8);
        assertEquals(0, session.open, "every runner closed");
    }

    @Test
    void failuresAndMisfitsLeaveNotesAndTheOtherTasksRun() throws Exception {
        Path noLabels = dir.resolve("nolabels.tsv");
        Files.writeString(noLabels, "0\t1 2 3\n\t4 5 6\n");
        Path good = dir.resolve("good.tsv");
        Files.writeString(good, "2\t0 0 1\n");
        Path tooManyClasses = dir.resolve("classes.tsv");
        Files.writeString(tooManyClasses, "7\t0 0 1\n");
        Map<String, Evaluator> evaluators = new LinkedHashMap<>();
        evaluators.put("classification", new ClassificationEvaluator());
        evaluators.put("broken", throwing("broken", new IllegalStateException("model output 'x' has NaNs")));
        evaluators.put("embedding-probe", new io.inferbench.accuracy.tasks.EmbeddingProbeEvaluator());
        IdentitySession session = new IdentitySession();
        List<AccuracyResult> r = run(List.of(
                task("labels", "classification", noLabels),
                task("broken", "broken", null),
                new AccuracyTaskSpec("probe", "embedding-probe", good, null, 42, 4, Map.of()),
                task("gone", "no-such-evaluator", null),
                task("classes", "classification", tooManyClasses),
                task("good", "classification", good)), evaluators, session);
        assertEquals(AccuracyResult.Status.FAILED, r.get(0).status());
        assertEquals("classification failed: " + noLabels + ":2: missing label (expected class<TAB>values)",
                r.get(0).note());
        assertEquals(AccuracyResult.Status.FAILED, r.get(1).status());
        assertEquals("broken failed: IllegalStateException: model output 'x' has NaNs", r.get(1).note());
        assertEquals(AccuracyResult.Status.SKIPPED, r.get(2).status());
        assertTrue(r.get(2).note().startsWith("skipped: not a text encoder"), r.get(2).note());
        assertEquals(AccuracyResult.Status.FAILED, r.get(3).status());
        assertTrue(r.get(3).note().contains("no evaluator named 'no-such-evaluator'"), r.get(3).note());
        assertEquals(AccuracyResult.Status.FAILED, r.get(4).status());
        assertTrue(r.get(4).note().contains("class 7, but the model scores only 3 classes"), r.get(4).note());
        assertEquals(AccuracyResult.Status.OK, r.get(5).status(), "a later task still runs");
        assertEquals(1.0, r.get(5).main().value());
        assertTrue(r.stream().filter(x -> x.status() != AccuracyResult.Status.OK).allMatch(x -> x.metrics().isEmpty()));
        assertEquals(0, session.open, "runners closed after failures too");
    }

    @Test
    void aRunnerIsRenewedEveryFewCallsSoPreparedInputsDoNotPileUp() throws Exception {
        Path data = dir.resolve("many.tsv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append(i % 3).append('\t').append(i % 3 == 0 ? "1 0 0" : i % 3 == 1 ? "0 1 0" : "0 0 1").append('\n');
        }
        Files.writeString(data, b);
        IdentitySession session = new IdentitySession();
        AccuracyResult r = run(List.of(new AccuracyTaskSpec("many", "classification", data, null, 1, 1,
                Map.of("output", ""))), Map.of("classification", new ClassificationEvaluator()), session).get(0);
        assertEquals(1.0, r.main().value());
        assertTrue(session.runnersOpened.size() >= 200 / 17, "runners opened: " + session.runnersOpened.size());
        assertEquals(0, session.open);
    }
}
