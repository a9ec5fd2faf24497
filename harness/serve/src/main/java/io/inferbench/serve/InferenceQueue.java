package io.inferbench.serve;

import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Requests waiting for a worker, bounded: {@link #submit} refuses when the queue is full (the server
 * answers 503) instead of letting waiting time grow without limit. Each worker thread owns one
 * {@link Runner} of the session, as the SPI asks (runners are not thread-safe), and times what it does
 * into {@link ServeStats}. Closing lets the queued requests finish, then closes the runners.
 */
public final class InferenceQueue implements AutoCloseable {
    /** A queued request. */
    private record Job(Map<String, Tensor> inputs, long enqueuedNanos, CompletableFuture<Map<String, Tensor>> done) {
    }

    private static final Job STOP = new Job(Map.of(), 0, null);

    private final BlockingQueue<Job> queue;
    private final ServeStats stats;
    private final List<Thread> workers = new ArrayList<>();
    private final int capacity;
    private volatile boolean closed;

    /** Thrown by {@link #submit} when every place in the queue is taken. */
    public static final class QueueFullException extends Exception {
        QueueFullException(String message) {
            super(message);
        }
    }

    /**
     * Starts {@code workerCount} workers, each with a new runner of {@code session}.
     *
     * @throws io.inferbench.api.BackendException when a runner cannot be made
     */
    public InferenceQueue(ModelSession session, int workerCount, int capacity, ServeStats stats) throws Exception {
        this.queue = new ArrayBlockingQueue<>(capacity + workerCount); // room for the STOP markers
        this.capacity = capacity;
        this.stats = stats;
        for (int i = 0; i < workerCount; i++) {
            Runner runner = session.newRunner();
            Thread t = new Thread(() -> work(runner), "inferbench-serve-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    /**
     * Queues one inference; the future completes with the outputs on a worker thread, or exceptionally
     * with what the runner threw.
     *
     * @throws QueueFullException when {@code capacity} requests are already waiting, or the queue is closing
     */
    public CompletableFuture<Map<String, Tensor>> submit(Map<String, Tensor> inputs) throws QueueFullException {
        CompletableFuture<Map<String, Tensor>> done = new CompletableFuture<>();
        if (closed) {
            throw new QueueFullException("the server is shutting down");
        }
        if (queue.size() >= capacity || !queue.offer(new Job(inputs, System.nanoTime(), done))) {
            stats.rejected();
            throw new QueueFullException("the queue is full (" + capacity + " requests waiting); retry later");
        }
        return done;
    }

    /** Requests waiting now. */
    public int waiting() {
        return queue.size();
    }

    private void work(Runner runner) {
        try (runner) {
            while (true) {
                Job job = queue.take();
                if (job == STOP) {
                    return;
                }
                run(runner, job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runner runner, Job job) {
        long start = System.nanoTime();
        stats.queue.add(start - job.enqueuedNanos());
        try {
            PreparedInput input = runner.prepare(job.inputs());
            long prepared = System.nanoTime();
            stats.computeInput.add(prepared - start);
            Map<String, Tensor> outputs = runner.runAndFetch(input);
            stats.computeInfer.add(System.nanoTime() - prepared);
            stats.inferred();
            job.done().complete(outputs);
        } catch (Exception | Error e) {
            job.done().completeExceptionally(e);
        }
    }

    /** Refuses new requests, lets the queued ones finish (up to 30 s), then closes the runners. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < workers.size(); i++) {
            queue.offer(STOP); // behind every queued request: those finish first
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
