package io.inferbench.regression;

import io.inferbench.result.GateRecord;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The history is the results folder: every run stays one folder with its {@code result.json}, and
 * nothing else is kept. A run's history is every earlier run of the same scenario (by name) on the
 * same machine fingerprint found there.
 */
public final class RunHistory {
    /** Run folders may sit one or two levels down (results/RUN, or results/BRANCH/RUN). */
    private static final int MAX_DEPTH = 3;

    private RunHistory() {
    }

    /**
     * Scans {@code dir} for the history of {@code current}.
     *
     * @param anyMachine keep runs of other fingerprints too (their series then mix machines)
     * @throws IOException when {@code dir} is not a readable folder
     */
    public static HistoryScan scan(Path dir, RunResult current, boolean anyMachine) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("--history " + dir + ": not a folder" + (Files.exists(dir) ? "" : " (it does not exist)"));
        }
        String scenario = scenarioName(current);
        MachineFingerprint fingerprint = MachineFingerprint.of(current);
        List<String> skipped = new ArrayList<>();
        List<RunResult> sameScenario = new ArrayList<>();
        // Parsing dominates (a year of nights is hundreds of megabytes): all cores, and no histograms.
        List<Object> read = resultFiles(dir).parallelStream().map(RunHistory::readFigures).toList();
        for (Object r : read) {
            if (r instanceof String unreadable) {
                skipped.add(unreadable);
            } else if (r instanceof RunResult run && scenario.equals(scenarioName(run)) && isEarlier(run, current)
                    && run.shard() == null) {
                // A shard is part of a night, not a night: the night is the merged result.
                sameScenario.add(run);
            }
        }
        sameScenario.sort(CHRONOLOGICAL);
        List<RunResult> sameMachine = sameScenario.stream()
                .filter(r -> anyMachine || MachineFingerprint.of(r).equals(fingerprint)).toList();
        Optional<GateRecord.EnvironmentChange> change = sameScenario.isEmpty() ? Optional.empty()
                : environmentChange(sameScenario.get(sameScenario.size() - 1), current);
        return new HistoryScan(sameMachine, change, sameScenario.size() - sameMachine.size(), skipped);
    }

    /** The environment change from {@code earlier} to {@code later}, when their fingerprints differ. */
    public static Optional<GateRecord.EnvironmentChange> environmentChange(RunResult earlier, RunResult later) {
        MachineFingerprint before = MachineFingerprint.of(earlier);
        MachineFingerprint after = MachineFingerprint.of(later);
        if (before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of(new GateRecord.EnvironmentChange(earlier.runId(), before.id(), after.id(),
                after.differencesFrom(before)));
    }

    /** Oldest first; runs started in the same instant by id. */
    static final Comparator<RunResult> CHRONOLOGICAL = Comparator
            .comparing((RunResult r) -> r.startedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RunResult::runId);

    static String scenarioName(RunResult run) {
        return run.scenario() == null || run.scenario().name() == null ? "" : run.scenario().name();
    }

    private static boolean isEarlier(RunResult run, RunResult current) {
        if (Objects.equals(run.runId(), current.runId())) {
            return false;
        }
        return CHRONOLOGICAL.compare(run, current) < 0;
    }

    /** The run's figures, or a line saying why it could not be read. */
    private static Object readFigures(Path file) {
        try {
            return ResultJson.readFigures(file);
        } catch (IOException | RuntimeException e) {
            return file + ": " + oneLine(e);
        }
    }

    private static List<Path> resultFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
            return files.filter(p -> p.getFileName().toString().equals("result.json"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
