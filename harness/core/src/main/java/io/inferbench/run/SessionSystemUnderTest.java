package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.load.SystemUnderTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Adapts a {@link ModelSession} to the load generator: one {@link Runner} per worker, every sample
 * prepared by that runner before timing starts, so a timed query is exactly one {@link Runner#run}.
 */
final class SessionSystemUnderTest implements SystemUnderTest, AutoCloseable {
    private final ModelSession session;
    private final List<Map<String, Tensor>> samples;
    private final int batchSize;
    private final List<Runner> runners = new CopyOnWriteArrayList<>();

    SessionSystemUnderTest(ModelSession session, List<Map<String, Tensor>> samples, int batchSize) {
        this.session = session;
        this.samples = samples;
        this.batchSize = batchSize;
    }

    @Override
    public int sampleCount() {
        return samples.size();
    }

    @Override
    public int samplesPerQuery() {
        return batchSize;
    }

    @Override
    public QueryWorker worker(int index) throws BackendException {
        Runner runner = session.newRunner();
        runners.add(runner);
        PreparedInput[] prepared = new PreparedInput[samples.size()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = runner.prepare(samples.get(i));
        }
        return sample -> runner.run(prepared[sample]);
    }

    @Override
    public void close() {
        runners.forEach(Runner::close);
    }
}
