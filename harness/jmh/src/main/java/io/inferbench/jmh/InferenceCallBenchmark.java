package io.inferbench.jmh;

import io.inferbench.api.BackendException;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.run.backends.Backends;
import io.inferbench.run.PreparedConfiguration;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One configuration's steady-state cost per inference call: the benchmark behind
 * {@code inferbench jmh SCENARIO}, which sets both parameters and converts the result.
 *
 * <p>The trial setup does what {@link io.inferbench.run.ConfigurationRunner} does before timing
 * starts (parse, preflight, load the model, prepare every sample with the one runner); the
 * measured method is exactly one {@link Runner#run}, cycling through the prepared samples.
 * Per-thread state: a runner is not thread-safe.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class InferenceCallBenchmark {
    /** The scenario file, preferably absolute (forks inherit the working directory). */
    @Param("")
    public String scenarioFile;

    /** The configuration's id ({@code c01}); blank for the scenario's first configuration. */
    @Param("")
    public String configId;

    private CallFixture fixture;
    private Runner runner;
    private PreparedInput[] prepared;
    private int next;

    @Setup(Level.Trial)
    public void open() throws Exception {
        if (scenarioFile == null || scenarioFile.isBlank()) {
            throw new IllegalStateException("InferenceCallBenchmark measures a scenario's configuration: run it with "
                    + "'inferbench jmh SCENARIO' (or -p scenarioFile=FILE -p configId=c01); leave it out of the "
                    + "harness benchmarks with -e InferenceCallBenchmark");
        }
        Backends installed = Backends.discover();
        var backends = installed.byName();
        PreparedConfiguration pc = CallFixture.load(Path.of(scenarioFile), configId, installed);
        fixture = CallFixture.open(pc, backends);
        runner = fixture.runner();
        prepared = fixture.prepared();
        next = 0;
    }

    @Benchmark
    public void call() throws BackendException {
        runner.run(prepared[next]);
        next = next + 1 == prepared.length ? 0 : next + 1;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }
}
