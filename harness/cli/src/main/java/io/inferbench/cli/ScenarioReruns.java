package io.inferbench.cli;

import io.inferbench.gate.RunObservations;
import io.inferbench.regression.Reruns;
import io.inferbench.regression.RunMetrics;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.RunResult;
import io.inferbench.run.BenchmarkRunner;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.run.RunListener;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Confirmation reruns from a result's recorded scenario: the text the run recorded (not the file as
 * it is now, which may have changed), one configuration, in a fresh run folder that is deleted after
 * (it must not join the history). A configuration whose model file is gone or changed since cannot be
 * re-run as it was.
 */
final class ScenarioReruns implements Reruns {
    private final PrintWriter err;
    private final Map<String, String> sha256ByPath = new HashMap<>();
    private Backends backends;
    private BackendProbe probe;

    ScenarioReruns(PrintWriter err) {
        this.err = err;
    }

    @Override
    public Optional<String> cannotRerun(RunResult run, String label) {
        if (run.scenario() == null || run.scenario().source() == null || run.scenario().source().isBlank()) {
            return Optional.of("its result does not record its scenario's text");
        }
        ConfigurationResult c = run.configurations().stream().filter(x -> x.label().equals(label)).findFirst()
                .orElse(null);
        if (c == null) {
            return Optional.of("it has no configuration " + label);
        }
        return modelProblem(c.setup().model());
    }

    private Optional<String> modelProblem(ModelInfo model) {
        if (model == null || model.path() == null || model.path().isBlank() || model.sha256() == null
                || model.sha256().isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(model.path());
        if (!Files.isRegularFile(path)) {
            return Optional.of("its model " + path + " is gone");
        }
        try {
            String now = sha256ByPath.computeIfAbsent(model.path(), p -> sha256(path));
            return now.equalsIgnoreCase(model.sha256()) ? Optional.empty()
                    : Optional.of("its model " + path + " changed since (sha256 " + abbreviated(model.sha256())
                            + " then, " + abbreviated(now) + " now)");
        } catch (IllegalStateException e) {
            return Optional.of("its model " + path + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public RunObservations rerun(RunResult run, String label) throws RerunException {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("inferbench-confirm-");
            Path scenarioFile = scenarioFile(run, scratch);
            Backends installed = backends();
            StringWriter quiet = new StringWriter();
            ScenarioLoader.Loaded loaded = ScenarioLoader.load(scenarioFile, installed, probe,
                    new PrintWriter(quiet), err);
            List<PreparedConfiguration> chosen = loaded.configurations().stream()
                    .filter(p -> p.spec().label().equals(label)).toList();
            if (chosen.isEmpty()) {
                throw new RerunException("the recorded scenario has no configuration " + label + " any more");
            }
            Path runDir = scratch.resolve("run");
            RunResult result = new BenchmarkRunner(installed.byName(), ScenarioLoader.projectDir())
                    .withAdapterClasspaths(installed.adapterClasspaths()).withProbe(probe)
                    .run(loaded.scenario(), chosen, runDir, RunListener.NONE);
            ConfigurationResult c = result.configurations().get(0);
            if (c.status() != ConfigurationStatus.OK) {
                throw new RerunException(label + " " + c.status() + ": " + c.outcome().reason());
            }
            return RunMetrics.observe(result);
        } catch (ScenarioException e) {
            throw new RerunException("its recorded scenario no longer loads: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        } catch (IOException e) {
            throw new RerunException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RerunException("interrupted", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * The recorded scenario text as a file: the original when it is unchanged (its relative paths then
     * resolve as they did), else a copy beside where the original was, else in the scratch folder.
     */
    private static Path scenarioFile(RunResult run, Path scratch) throws IOException {
        Path recorded = Path.of(run.scenario().file());
        byte[] text = run.scenario().source().getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(recorded) && java.util.Arrays.equals(Files.readAllBytes(recorded), text)) {
            return recorded;
        }
        Path dir = recorded.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir) && Files.isWritable(dir)) {
            Path copy = Files.createTempFile(dir, ".inferbench-confirm-", ".yaml");
            Files.write(copy, text);
            copy.toFile().deleteOnExit();
            return copy;
        }
        return Files.write(scratch.resolve("scenario.yaml"), text);
    }

    private Backends backends() {
        if (backends == null) {
            backends = Backends.discover();
            probe = ScenarioLoader.probe(backends, false);
        }
        return backends;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            DigestInputStream digest = (DigestInputStream) in;
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String abbreviated(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Scratch in the temporary folder: the OS cleans what is left.
        }
    }
}
