package io.inferbench.load;


import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording one query costs a worker: {@link PhaseRecorder#record} (HdrHistogram's wait-free
 * {@link Recorder}, a completion counter and the last-completion time), alone and with two workers
 * recording into the same phase, against HdrHistogram's bare {@link Recorder#recordValue}.
 *
 * <p>Latencies come from a precomputed array (log-uniform between 50 µs and 500 ms, the range
 * real queries span), so no random number generator runs in the measured code. Each thread keeps
 * its own completion clock.
 *
 * <p>Memory: run with {@code -prof gc}. {@code gc.alloc.rate.norm} ≈ 0 B/op over the hundreds of
 * millions of records of a run shows that recording allocates nothing, so the recorder's memory
 * does not grow with the run's length (its histograms have a fixed size set by range and precision).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecorderBenchmark {
    private static final int VALUES = 1 << 16;
    private static final int MASK = VALUES - 1;

    private PhaseRecorder phase;
    private Recorder hdr;
    private long[] latencies;

    /** One worker's position in the latency array and its completion clock. */
    @State(Scope.Thread)
    public static class Worker {
        int next;
        long clock;

        @Setup(Level.Trial)
        public void start() {
            next = (int) (Thread.currentThread().getId() * 7919) & MASK;
            clock = System.nanoTime();
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        phase = new PhaseRecorder(Phase.MEASUREMENT);
        phase.start(System.nanoTime());
        hdr = new Recorder(1, HistogramCodec.HIGHEST_TRACKABLE_NANOS, HistogramCodec.SIGNIFICANT_DIGITS);
        latencies = new long[VALUES];
        SplittableRandom random = new SplittableRandom(42);
        double low = Math.log(50_000);
        double high = Math.log(500_000_000);
        for (int i = 0; i < VALUES; i++) {
            latencies[i] = (long) Math.exp(low + random.nextDouble() * (high - low));
        }
    }

    @Benchmark
    @Threads(1)
    public void phaseRecorder(Worker w) {
        long latency = latencies[w.next++ & MASK];
        phase.record(latency, w.clock += latency);
    }

    @Benchmark
    @Threads(2)
    public void phaseRecorder2Threads(Worker w) {
        long latency = latencies[w.next++ & MASK];
        phase.record(latency, w.clock += latency);
    }

    @Benchmark
    @Threads(1)
    public void hdrRecorder(Worker w) {
        hdr.recordValue(latencies[w.next++ & MASK]);
    }

    @Benchmark
    @Threads(2)
    public void hdrRecorder2Threads(Worker w) {
        hdr.recordValue(latencies[w.next++ & MASK]);
    }
}
