package io.inferbench.adapter.support.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task on several threads at once and collects what they threw. */
final class Concurrently {
    private static final long TIMEOUT_SECONDS = 120;

    /** What a task knows of its thread. */
    interface Worker {
        /** 0 to threads - 1. */
        int index();

        /** Waits until every worker got here, so what follows overlaps. */
        void awaitOthers() throws InterruptedException, BrokenBarrierException, TimeoutException;
    }

    /** One worker's work. */
    @FunctionalInterface
    interface Task {
        void run(Worker worker) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs {@code task} on {@code threads} threads; the failures (empty when all passed), in thread order. */
    static List<Throwable> run(int threads, Task task) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                int index = t;
                Worker worker = new Worker() {
                    @Override
                    public int index() {
                        return index;
                    }

                    @Override
                    public void awaitOthers() throws InterruptedException, BrokenBarrierException, TimeoutException {
                        together.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    }
                };
                pool.execute(() -> {
                    try {
                        start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        task.run(worker);
                    } catch (Throwable e) {
                        failures.add(e);
                        together.reset(); // the others must not wait for this one
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(2 * TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                failures.add(new AssertionError("workers still running after " + 2 * TIMEOUT_SECONDS + " s"));
            }
            return List.copyOf(failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
