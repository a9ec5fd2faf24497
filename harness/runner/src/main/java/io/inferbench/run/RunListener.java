package io.inferbench.run;

import io.inferbench.load.ProgressListener;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.scenario.ConfigurationSpec;

/** Progress of a scenario run, for the console. Called from harness threads, never from a timed path. */
public interface RunListener extends ProgressListener {
    RunListener NONE = new RunListener() {
    };

    default void configurationStarted(int index, int total, ConfigurationSpec spec) {
    }

    /** A step inside a configuration: "loading model", "preparing 64 samples". */
    default void step(String what) {
    }

    @Override
    default void onProgress(Progress progress) {
    }

    default void configurationFinished(ConfigurationResult result) {
    }
}
