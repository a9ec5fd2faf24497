package io.inferbench.jmh;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.synthetic.SyntheticBackendProvider;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The harness's floor per call: the synthetic backend (the "null SUT") with a latency of 0, opened
 * through the public {@link BackendProvider} API as any backend is. {@code call} is one
 * {@link Runner#run}; {@code timedCall} adds the two {@code System.nanoTime()} reads the load
 * generator puts around every query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SyntheticBackendBenchmark {
    private ModelSession session;
    private Runner runner;
    private PreparedInput input;

    @Setup(Level.Trial)
    public void open() throws BackendException {
        BackendProvider provider = new SyntheticBackendProvider();
        session = provider.open(new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, Map.of("latency-ms", 0.0,
                "distribution", "fixed", "jitter-ms", 0.0, "failure-rate", 0.0, "seed", 1L)));
        runner = session.newRunner();
        input = runner.prepare(Map.of());
    }

    @Benchmark
    public void call() throws BackendException {
        runner.run(input);
    }

    @Benchmark
    public long timedCall() throws BackendException {
        long start = System.nanoTime();
        runner.run(input);
        return System.nanoTime() - start;
    }

    @TearDown(Level.Trial)
    public void close() {
        runner.close();
        session.close();
    }
}
