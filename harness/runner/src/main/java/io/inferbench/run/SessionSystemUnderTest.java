package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.input.Batches;
import io.inferbench.load.SystemUnderTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adapts a {@link ModelSession} to the load generator: one {@link Runner} per worker, every sample
 * prepared by that runner before timing starts, so a timed query is exactly one {@link Runner#run}.
 * With dynamic batching, each worker also prepares batches of 2..max samples joined along the
 * batch dimension (a few variants per size). Workers are kept between runs (peak-search probes)
 * so nothing is prepared twice. Given the samples' lengths, it records each measured query's latency
 * in its input-length bucket ({@link #measured}).
 */
final class SessionSystemUnderTest implements SystemUnderTest, AutoCloseable {
    /** Distinct prepared batches per batch size: enough to vary inputs without much memory. */
    static final int BATCH_VARIANTS = 8;

    private final ModelSession session;
    private final List<Map<String, Tensor>> samples;
    private final int batchSize;
    private final int maxBatch;
    private final int[] draws;
    private final Map<Integer, Worker> workers = new ConcurrentHashMap<>();
    private int[] ownLengths;
    private int[] fedLengths;
    private LengthLatencyRecorder byLength;

    SessionSystemUnderTest(ModelSession session, List<Map<String, Tensor>> samples, int batchSize, int maxBatch) {
        this(session, samples, batchSize, maxBatch, null);
    }

    /**
     * @param draws the sample each query takes in turn ({@code inputs.order: shuffle}), or null to take
     *              the samples themselves in turn
     */
    SessionSystemUnderTest(ModelSession session, List<Map<String, Tensor>> samples, int batchSize, int maxBatch,
                           int[] draws) {
        this.session = session;
        this.samples = samples;
        this.batchSize = batchSize;
        this.maxBatch = maxBatch;
        this.draws = draws;
    }

    /**
     * Records latency per input-length bucket from now on: each sample's own length and the length it is
     * fed at, one per sample. Call before the load runs.
     */
    SessionSystemUnderTest recordingLengths(int[] own, int[] fed, LengthLatencyRecorder recorder) {
        if (own.length != samples.size() || fed.length != samples.size()) {
            throw new IllegalArgumentException("lengths: one per sample (" + samples.size() + "), got " + own.length
                    + " and " + fed.length);
        }
        this.ownLengths = own.clone();
        this.fedLengths = fed.clone();
        this.byLength = recorder;
        return this;
    }

    /** The latency per input-length bucket since the last call; empty when lengths are not recorded. */
    List<io.inferbench.result.LengthLatency> takeLatencyByLength() {
        return byLength == null ? List.of() : byLength.take();
    }

    /** A measured query: its latency in the bucket of the input it ran (a batch's longest sample). */
    @Override
    public void measured(int count, int sampleIndex, long latencyNanos) {
        if (byLength == null) {
            return;
        }
        if (count == 1) {
            int s = sample(sampleIndex);
            byLength.record(ownLengths[s], fedLengths[s], latencyNanos);
            return;
        }
        // The batch variant issueBatch ran: samples v·count … v·count + count − 1, as the worker joined them.
        int variant = sampleIndex % Math.min(BATCH_VARIANTS, samples.size());
        int own = 0;
        int fed = 0;
        for (int i = 0; i < count; i++) {
            int s = (variant * count + i) % samples.size();
            own = Math.max(own, ownLengths[s]);
            fed = Math.max(fed, fedLengths[s]);
        }
        byLength.record(own, fed, latencyNanos);
    }

    /** The load generator walks this many indices in turn; with draws, each maps to a drawn sample. */
    @Override
    public int sampleCount() {
        return draws == null ? samples.size() : draws.length;
    }

    private int sample(int index) {
        return draws == null ? index : draws[index];
    }

    @Override
    public int samplesPerQuery() {
        return batchSize;
    }

    @Override
    public int maxBatchSize() {
        return maxBatch;
    }

    @Override
    public QueryWorker worker(int index) throws BackendException {
        Worker w = workers.get(index);
        if (w == null) {
            w = new Worker(session.newRunner());
            workers.put(index, w);
        }
        return w;
    }

    /** A runner with everything it will run already prepared. */
    private final class Worker implements QueryWorker {
        private final Runner runner;
        private final PreparedInput[] prepared;
        private final PreparedInput[][] batches;

        Worker(Runner runner) throws BackendException {
            this.runner = runner;
            this.prepared = new PreparedInput[samples.size()];
            for (int i = 0; i < prepared.length; i++) {
                prepared[i] = runner.prepare(samples.get(i));
            }
            this.batches = new PreparedInput[maxBatch + 1][];
            for (int k = 2; k <= maxBatch; k++) {
                batches[k] = new PreparedInput[Math.min(BATCH_VARIANTS, samples.size())];
                for (int v = 0; v < batches[k].length; v++) {
                    batches[k][v] = runner.prepare(Batches.concat(samples, v * k, k));
                }
            }
        }

        @Override
        public void issue(int sample) throws BackendException {
            runner.run(prepared[sample(sample)]);
        }

        @Override
        public boolean asynchronous() {
            return runner.asynchronous();
        }

        @Override
        public CompletionStage<?> issueAsync(int sample) {
            return runner.runAsync(prepared[sample(sample)]);
        }

        @Override
        public void issueBatch(int count, int sample) throws BackendException {
            if (count == 1) {
                runner.run(prepared[sample(sample)]);
            } else {
                PreparedInput[] variants = batches[count];
                runner.run(variants[sample % variants.length]);
            }
        }
    }

    @Override
    public void close() {
        workers.values().forEach(w -> w.runner.close());
    }
}
