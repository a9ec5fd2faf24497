package io.inferbench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load that goes through a queue to worker threads: open loops (a dispatcher issues queries at
 * their scheduled times), closed loops with dynamic batching, multi-stream and offline. Workers
 * take one query, or with batching up to {@code maxBatchSize} within {@code maxQueueDelay}, and
 * run them as one inference. Latency runs from each query's reference time — its scheduled time
 * in an open loop, its issue time otherwise — so time spent queueing counts; offline records
 * service time (every query is available at once, so waiting is not latency).
 *
 * <p>An open loop without batching whose workers are all {@linkplain SystemUnderTest.QueryWorker#asynchronous
 * asynchronous} skips the queue: the dispatcher starts each query itself, round robin over the workers,
 * and its completion is recorded on whatever thread completes it — many queries in flight, no thread
 * waiting for each.
 */
final class QueuedExecution extends Execution {
    private final BlockingQueue<Query> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int workerCount;
    private final int batchLimit;
    private final long batchDelayNanos;
    private volatile boolean abandoned;
    /** Each worker once created, so that the dispatcher can start asynchronous queries on them. */
    private final SystemUnderTest.QueryWorker[] workers;

    /** A queued query. {@code done} and {@code waiter} serve closed-loop clients. */
    static final class Query {
        final long refNanos;
        final int sample;
        final PhaseRecorder phase;
        final Group group;
        volatile boolean done;

        Query(long refNanos, int sample, PhaseRecorder phase, Group group) {
            this.refNanos = refNanos;
            this.sample = sample;
            this.phase = phase;
            this.group = group;
        }
    }

    /** Queries a client waits for together (one for closed loops, N for multi-stream). */
    static final class Group {
        final Thread waiter;
        final AtomicInteger remaining;
        final java.util.concurrent.atomic.AtomicLong lastEndNanos = new java.util.concurrent.atomic.AtomicLong();
        volatile Throwable error;

        Group(Thread waiter, int size) {
            this.waiter = waiter;
            this.remaining = new AtomicInteger(size);
        }
    }

    private static final Query POISON = new Query(0, 0, null, null);

    QueuedExecution(LoadPlan plan, SystemUnderTest sut, ProgressListener listener, Duration hangGrace) {
        super(plan, sut, listener, hangGrace);
        Batching b = plan.batching();
        this.workerCount = b != null ? b.instances() : plan.profile().workers();
        this.batchLimit = b != null ? b.maxBatchSize() : 1;
        this.batchDelayNanos = b != null ? b.maxQueueDelay().toNanos() : 0;
        this.workers = new SystemUnderTest.QueryWorker[workerCount];
    }

    @Override
    LoadResult run() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(workerCount);
        CountDownLatch workersDone = new CountDownLatch(workerCount);
        for (int i = 0; i < workerCount; i++) {
            int index = i;
            daemon(() -> serve(index, ready, workersDone), "inferbench-worker-" + i).start();
        }
        ready.await();
        if (abortReason.get() != null) {
            poisonWorkers();
            begin(System.nanoTime());
            return end();
        }
        List<Client> clients = clients();
        CountDownLatch clientsDone = new CountDownLatch(clients.size());
        begin(System.nanoTime());
        for (Client c : clients) {
            daemon(() -> {
                try {
                    c.body().run();
                } finally {
                    clientsDone.countDown();
                }
            }, c.name()).start();
        }
        awaitBounded(clientsDone);
        poisonWorkers();
        workersDone.await(hangGrace.toNanos(), TimeUnit.NANOSECONDS);
        return end();
    }

    @Override
    void onHang() {
        abandoned = true;
    }

    /** A thread body that issues queries. */
    private record Client(String name, Runnable body) {
    }

    private List<Client> clients() {
        List<Client> clients = new ArrayList<>();
        LoadProfile p = plan.profile();
        if (p instanceof LoadProfile.Rate rate) {
            clients.add(new Client("inferbench-dispatcher", () -> dispatch(rate)));
        } else if (p instanceof LoadProfile.MultiStream ms) {
            clients.add(new Client("inferbench-client", () -> closedClient(ms.samplesPerQuery(), false)));
        } else {
            // Offline keeps enough queries outstanding that no worker (or batch) ever waits for work.
            int n = p instanceof LoadProfile.Offline ? workerCount * Math.max(2, batchLimit) : p.workers();
            boolean serviceTime = p instanceof LoadProfile.Offline;
            for (int i = 0; i < n; i++) {
                clients.add(new Client("inferbench-client-" + i, () -> closedClient(1, serviceTime)));
            }
        }
        return clients;
    }

    /** Open loop: issue each query at its scheduled time, whatever the state of earlier ones. */
    private void dispatch(LoadProfile.Rate rate) {
        ArrivalSchedule schedule = new ArrivalSchedule(rate, plan.minDuration().toNanos());
        long origin = warmup.startNanos();
        long lateNanos = rate.lateThreshold().toNanos();
        long issuedInPhase = 0;
        boolean direct = asynchronousWorkers();
        int nextWorker = 0;
        while (!stop) {
            long offset = schedule.next();
            long due = origin + offset;
            Pacer.awaitNanoTime(due);
            if (stop) {
                break;
            }
            long now = System.nanoTime();
            PhaseRecorder phase = current.get();
            if (phase == warmup && warmupDone(due, issuedInPhase)) {
                startMeasurement(due);
                schedule.startRamp(offset);
                phase = measurement;
                issuedInPhase = 0;
            }
            if (phase == measurement && measurementDone(due, issuedInPhase)) {
                // The schedule covered the whole measurement window, even if the last query finished earlier.
                measurement.extendTo(due);
                break;
            }
            if (inFlight.get() >= rate.maxInFlight()) {
                // The system cannot keep up: say so rather than silently slowing the schedule.
                phase.recordOverload();
                List<Query> unstarted = new ArrayList<>();
                queue.drainTo(unstarted);
                for (Query q : unstarted) {
                    q.phase.recordOverload();
                    inFlight.decrementAndGet();
                }
                break;
            }
            phase.recordInFlight(inFlight.incrementAndGet());
            phase.recordIssue(now - due, lateNanos);
            Query q = new Query(due, nextSample(), phase, null);
            if (direct) {
                start(workers[nextWorker], nextWorker, q);
                nextWorker = (nextWorker + 1) % workers.length;
            } else {
                queue.add(q);
            }
            issuedInPhase++;
        }
        awaitDrained();
    }

    /** Whether the dispatcher may start queries itself: no batching, and every worker is asynchronous. */
    private boolean asynchronousWorkers() {
        if (batchLimit > 1) {
            return false;
        }
        for (SystemUnderTest.QueryWorker w : workers) {
            if (w == null || !w.asynchronous()) {
                return false;
            }
        }
        return true;
    }

    /** Starts {@code q} on an asynchronous worker; its completion is recorded where it completes. */
    private void start(SystemUnderTest.QueryWorker worker, int index, Query q) {
        long start = System.nanoTime();
        CompletionStage<?> call;
        try {
            call = worker.issueAsync(q.sample);
        } catch (Exception | Error e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((ignored, error) -> {
            long end = System.nanoTime();
            Throwable failure = unwrap(error);
            if (trace != null) {
                trace.record(q.phase.phase(), index, q.sample, q.refNanos, start, end, failure == null);
            }
            complete(q, start, end, failure, 1, q.sample);
        });
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Waits until every issued query completed (they are measured), bounded by the hang rule. */
    private void awaitDrained() {
        while (inFlight.get() > 0 && !abandoned) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * Closed loop through the queue: issue {@code fanOut} queries, wait for all, record the latency
     * of the slowest (one query unless multi-stream), repeat.
     */
    private void closedClient(int fanOut, boolean serviceTime) {
        Thread self = Thread.currentThread();
        while (!stop) {
            PhaseRecorder phase = current.get();
            long issued = System.nanoTime();
            Group g = new Group(self, fanOut);
            for (int i = 0; i < fanOut; i++) {
                phase.recordQueued();
                queue.add(new Query(issued, nextSample(), phase, g));
            }
            while (g.remaining.get() > 0) {
                LockSupport.parkNanos(this, 100_000_000);
                if (abandoned) {
                    return;
                }
            }
            long end = g.lastEndNanos.get();
            if (!serviceTime) {
                if (g.error == null) {
                    phase.record(end - issued, end);
                } else {
                    recordError(phase, g.error, end);
                }
            }
            advanceAfterCompletion(phase, end);
        }
    }

    private void serve(int index, CountDownLatch ready, CountDownLatch done) {
        try {
            SystemUnderTest.QueryWorker worker;
            try {
                worker = sut.worker(index);
                workers[index] = worker; // before the latch, which publishes it to the dispatcher
            } catch (Exception | Error e) {
                abortReason.compareAndSet(null, "worker " + index + " could not start: " + PhaseRecorder.describe(e));
                return;
            } finally {
                ready.countDown();
            }
            Query[] batch = new Query[batchLimit];
            while (true) {
                int n = take(batch);
                if (n == 0) {
                    return;
                }
                execute(worker, index, batch, n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }

    /** Takes the next query and, with batching, up to the batch limit within the queue delay; 0 means stop. */
    private int take(Query[] batch) throws InterruptedException {
        Query first = queue.take();
        if (first == POISON) {
            return 0;
        }
        batch[0] = first;
        int n = 1;
        long deadline = first.refNanos + batchDelayNanos;
        while (n < batchLimit) {
            long wait = deadline - System.nanoTime();
            Query q = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (q == null) {
                break;
            }
            if (q == POISON) {
                queue.add(POISON); // leave it for this worker's next take
                break;
            }
            batch[n++] = q;
        }
        return n;
    }

    private void execute(SystemUnderTest.QueryWorker worker, int index, Query[] batch, int n) {
        long start = System.nanoTime();
        Throwable error = null;
        try {
            if (n == 1) {
                worker.issue(batch[0].sample);
            } else {
                worker.issueBatch(n, batch[0].sample);
            }
        } catch (Exception | Error e) {
            error = e;
        }
        long end = System.nanoTime();
        if (batchLimit > 1) {
            batch[0].phase.recordBatch(n);
        }
        int batchStart = batch[0].sample;
        for (int i = 0; i < n; i++) {
            if (trace != null) {
                trace.record(batch[i].phase.phase(), index, batch[i].sample, batch[i].refNanos, start, end,
                        error == null);
            }
            complete(batch[i], start, end, error, n, batchStart);
            batch[i] = null;
        }
    }

    /** {@code count} and {@code batchStart}: the inference the query ran in, as the worker was called. */
    private void complete(Query q, long start, long end, Throwable error, int count, int batchStart) {
        q.phase.recordQueueDelay(start - q.refNanos);
        Group g = q.group;
        if (g == null) {
            // Open loop: latency from the scheduled time.
            if (error == null) {
                q.phase.record(end - q.refNanos, end);
                tellMeasured(q, count, batchStart, end - q.refNanos);
            } else {
                recordError(q.phase, error, end);
            }
            inFlight.decrementAndGet();
            return;
        }
        if (plan.profile() instanceof LoadProfile.Offline) {
            if (error == null) {
                q.phase.record(end - start, end);
                tellMeasured(q, count, batchStart, end - start);
            } else {
                recordError(q.phase, error, end);
            }
        } else if (error == null && !(plan.profile() instanceof LoadProfile.MultiStream)) {
            // A closed loop's client records end - issue time of its only query: the same latency.
            tellMeasured(q, count, batchStart, end - q.refNanos);
        }
        if (error != null) {
            g.error = error;
        }
        g.lastEndNanos.accumulateAndGet(end, Math::max);
        if (g.remaining.decrementAndGet() == 0) {
            LockSupport.unpark(g.waiter);
        }
    }

    private void tellMeasured(Query q, int count, int batchStart, long latencyNanos) {
        if (q.phase == measurement) {
            sut.measured(count, batchStart, latencyNanos);
        }
    }

    private void poisonWorkers() {
        for (int i = 0; i < workerCount; i++) {
            queue.add(POISON);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true); // a hung backend must not keep the JVM alive
        return t;
    }
}
