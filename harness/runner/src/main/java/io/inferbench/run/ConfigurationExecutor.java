package io.inferbench.run;

import io.inferbench.result.ConfigurationResult;

/**
 * Runs one prepared configuration to a result, whatever happens (failures become results).
 * In-process ({@link ConfigurationRunner}) or in fresh JVMs (forks).
 */
public interface ConfigurationExecutor {
    ConfigurationResult execute(PreparedConfiguration configuration, RunListener listener) throws InterruptedException;
}
