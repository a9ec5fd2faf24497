package io.inferbench.run;

import io.inferbench.api.ModelSession;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.scenario.ConfigurationSpec;

/**
 * A run listener that also tells the session when the measurement begins
 * ({@link ModelSession#measurementStarted}), so that figures it keeps over time (a served model's
 * server statistics and client timings) cover the measurement only. Everything else is passed on.
 */
final class SessionMarkingListener implements RunListener {
    private final RunListener delegate;
    private final ModelSession session;

    SessionMarkingListener(RunListener delegate, ModelSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public void onMeasurementStart() {
        try {
            session.measurementStarted();
        } catch (RuntimeException e) {
            // A backend's bookkeeping must not stop the timeline: its figures then span the warmup too.
        }
        delegate.onMeasurementStart();
    }

    @Override
    public void configurationStarted(int index, int total, ConfigurationSpec spec) {
        delegate.configurationStarted(index, total, spec);
    }

    @Override
    public void step(String what) {
        delegate.step(what);
    }

    @Override
    public void onProgress(Progress progress) {
        delegate.onProgress(progress);
    }

    @Override
    public void configurationFinished(ConfigurationResult result) {
        delegate.configurationFinished(result);
    }
}
