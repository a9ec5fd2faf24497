package io.inferbench.run;

import io.inferbench.api.ModelFormat;
import io.inferbench.result.ConversionInfo;
import io.inferbench.result.OptimizationInfo;
import io.inferbench.result.ResultJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a child JVM is asked to do: run one configuration of a scenario once and write its result.
 * Written by the parent as JSON ({@link ResultJson#mapper()}) and passed to {@link ForkMain} by path.
 *
 * <p>The child parses the scenario from {@code scenarioSource}, the text the parent parsed, not from
 * the file, so an edit to the file during a run cannot change what a later fork measures.
 *
 * @param scenarioFile       the scenario file as given on the command line (for messages)
 * @param scenarioBaseDir    the folder relative paths in the scenario resolve against (absolute)
 * @param scenarioSource     the scenario's text, verbatim
 * @param configurationId    the configuration to run, e.g. {@code c02}
 * @param configurationLabel its label; the child refuses to run a configuration whose label differs
 * @param fork               this fork's number, from 1
 * @param forks              how many forks the configuration has
 * @param resultFile         where the child writes the {@link io.inferbench.result.ConfigurationResult}
 * @param interval           timeline interval of the measurement
 * @param exitWithParent     the child exits when its stdin closes, i.e. when the parent dies; false
 *                           to run a request by hand with stdin closed
 * @param converted          the model the parent converted for this configuration, or null: the child
 *                           loads it instead of converting again (its class path may lack the converter)
 * @param outputsDir         the run's folder for captured outputs (output agreement), or null to capture none
 * @param optimized          the model the parent's optimization steps produced, or null: the child loads it
 *                           (its class path has no optimizer)
 * @param traceDir           the run's folder for query traces ({@link TracePiece}), or null for none; only
 *                           configurations with {@code run.trace: true} write there
 */
public record ForkRequest(String scenarioFile, Path scenarioBaseDir, String scenarioSource, String configurationId,
                          String configurationLabel, int fork, int forks, Path resultFile, Duration interval,
                          boolean exitWithParent, ConvertedModel converted, Path outputsDir,
                          OptimizedModel optimized, Path traceDir) {
    /** A model converted by the parent ({@link CachedConversions}). */
    public record ConvertedModel(Path path, ModelFormat format, long sizeBytes, ConversionInfo info) {
    }

    /** A model the parent's optimization steps produced ({@link CachedOptimizations}), before any conversion. */
    public record OptimizedModel(Path path, long sizeBytes, String sha256, List<OptimizationInfo> steps) {
        public OptimizedModel {
            steps = List.copyOf(steps);
        }
    }

    public ForkRequest(String scenarioFile, Path scenarioBaseDir, String scenarioSource, String configurationId,
                       String configurationLabel, int fork, int forks, Path resultFile, Duration interval,
                       boolean exitWithParent, ConvertedModel converted, Path outputsDir, OptimizedModel optimized) {
        this(scenarioFile, scenarioBaseDir, scenarioSource, configurationId, configurationLabel, fork, forks,
                resultFile, interval, exitWithParent, converted, outputsDir, optimized, null);
    }

    public ForkRequest(String scenarioFile, Path scenarioBaseDir, String scenarioSource, String configurationId,
                       String configurationLabel, int fork, int forks, Path resultFile, Duration interval,
                       boolean exitWithParent, ConvertedModel converted, Path outputsDir) {
        this(scenarioFile, scenarioBaseDir, scenarioSource, configurationId, configurationLabel, fork, forks,
                resultFile, interval, exitWithParent, converted, outputsDir, null);
    }

    public ForkRequest(String scenarioFile, Path scenarioBaseDir, String scenarioSource, String configurationId,
                       String configurationLabel, int fork, int forks, Path resultFile, Duration interval,
                       boolean exitWithParent) {
        this(scenarioFile, scenarioBaseDir, scenarioSource, configurationId, configurationLabel, fork, forks,
                resultFile, interval, exitWithParent, null, null);
    }

    public ForkRequest {
        if (fork < 1 || fork > forks) {
            throw new IllegalArgumentException("fork: expected 1.." + forks + ", got " + fork);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: expected a positive duration, got " + interval);
        }
    }

    public static ForkRequest read(Path file) throws IOException {
        return ResultJson.mapper().readValue(file.toFile(), ForkRequest.class);
    }

    /** Writes this request to {@code file} atomically. */
    public void write(Path file) throws IOException {
        ResultJson.writeAtomically(file, ResultJson.mapper().writeValueAsBytes(this));
    }
}
