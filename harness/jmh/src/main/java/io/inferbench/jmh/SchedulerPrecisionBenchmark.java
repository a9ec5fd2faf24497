package io.inferbench.jmh;

import io.inferbench.load.Pacer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How late the open-loop scheduler wakes: each call waits for a deadline {@code gapNanos} ahead
 * and returns when it wakes, so a SampleTime sample is the gap plus the overshoot (subtract the
 * gap to read the overshoot's distribution).
 *
 * <ul>
 *   <li>{@code pacer}: the load generator's own {@link Pacer#awaitNanoTime} (park for the bulk,
 *       spin for the last stretch) — what open-loop arrivals actually get.</li>
 *   <li>{@code parkOnly}: one {@link LockSupport#parkNanos} of the whole gap, the baseline that
 *       shows why the pacer spins at the end.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulerPrecisionBenchmark {
    /** The gap to the deadline: 50 µs, 200 µs, 1 ms. */
    @Param({"50000", "200000", "1000000"})
    public long gapNanos;

    @Benchmark
    public void pacer() {
        Pacer.awaitNanoTime(System.nanoTime() + gapNanos);
    }

    @Benchmark
    public void parkOnly() {
        LockSupport.parkNanos(gapNanos);
    }
}
