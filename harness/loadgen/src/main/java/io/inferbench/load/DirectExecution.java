package io.inferbench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Single-stream and closed-loop concurrency: N client threads, each owning one worker, time
 * exactly one {@link SystemUnderTest.QueryWorker#issue} call per query with {@code System.nanoTime()}
 * and nothing else inside the timed region.
 */
final class DirectExecution extends Execution {

    DirectExecution(LoadPlan plan, SystemUnderTest sut, ProgressListener listener, Duration hangGrace) {
        super(plan, sut, listener, hangGrace);
    }

    @Override
    LoadResult run() throws InterruptedException {
        int n = plan.profile().workers();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread t = new Thread(() -> work(index, ready, go, finished), "inferbench-worker-" + i);
            t.setDaemon(true); // a hung backend must not keep the JVM alive
            t.start();
        }
        ready.await();
        if (abortReason.get() != null) {
            stop = true;
        }
        begin(System.nanoTime());
        go.countDown();
        awaitBounded(finished);
        return end();
    }

    private void work(int index, CountDownLatch ready, CountDownLatch go, CountDownLatch finished) {
        try {
            SystemUnderTest.QueryWorker worker;
            try {
                worker = sut.worker(index);
            } catch (Exception | Error e) {
                abortReason.compareAndSet(null, "worker " + index + " could not start: " + PhaseRecorder.describe(e));
                return;
            } finally {
                ready.countDown();
            }
            go.await();
            loop(worker, index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    private void loop(SystemUnderTest.QueryWorker worker, int index) {
        while (!stop) {
            PhaseRecorder phase = current.get();
            int sample = nextSample();
            long t0 = System.nanoTime();
            long t1;
            boolean ok = false;
            try {
                worker.issue(sample);
                t1 = System.nanoTime();
                ok = true;
                phase.record(t1 - t0, t1);
                if (phase == measurement) {
                    sut.measured(1, sample, t1 - t0);
                }
            } catch (Exception | Error e) {
                t1 = System.nanoTime();
                recordError(phase, e, t1);
            }
            if (trace != null) {
                // A closed loop issues each query the moment it may: scheduled and started at once.
                trace.record(phase.phase(), index, sample, t0, t0, t1, ok);
            }
            advanceAfterCompletion(phase, t1);
        }
    }
}
