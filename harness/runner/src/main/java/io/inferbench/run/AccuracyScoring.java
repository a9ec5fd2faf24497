package io.inferbench.run;

import io.inferbench.accuracy.AccuracyEvaluation;
import io.inferbench.api.ModelSession;
import io.inferbench.api.accuracy.Evaluators;
import io.inferbench.model.ModelResolutionException;
import io.inferbench.model.ModelResolver;
import io.inferbench.result.AccuracyResult;
import io.inferbench.scenario.AccuracySpec;
import io.inferbench.scenario.ModelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The score step of a configuration's run: the scenario's accuracy tasks on its open session, after
 * the measurement and outside any timed region (MLPerf's accuracy mode).
 */
final class AccuracyScoring {
    private AccuracyScoring() {
    }

    /** The tasks of {@code tasks} on this session; empty without any. Never throws. */
    static List<AccuracyResult> score(AccuracySpec tasks, PreparedConfiguration pc, ModelSession session,
                                      RunListener listener) {
        if (tasks == null || tasks.tasks().isEmpty()) {
            return List.of();
        }
        return new AccuracyEvaluation(tasks, Evaluators.installed())
                .run(session, pc.tokenizer() == null ? null : pc.tokenizer().path(),
                        name -> companion(pc.spec().model().source(), name), listener::step);
    }

    /** A file shipped with the model: an entry of its jar, or a file beside it. */
    static Optional<Path> companion(ModelSource source, String name) {
        try {
            if (source instanceof ModelSource.MavenEntry e) {
                var resolver = ModelResolver.defaults();
                var entry = resolver.findEntry(e.artifact(), name);
                if (entry.isPresent()) {
                    return Optional.of(resolver.resolve(new ModelSource.MavenEntry(e.artifact(), entry.get())).path());
                }
            } else if (source instanceof ModelSource.LocalFile f) {
                Path p = f.path().toAbsolutePath().resolveSibling(name);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
        } catch (ModelResolutionException e) {
            // not found is what the evaluator reports
        }
        return Optional.empty();
    }
}
