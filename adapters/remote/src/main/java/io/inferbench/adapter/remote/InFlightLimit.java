package io.inferbench.adapter.remote;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code limit} requests of a session on the wire at once; the others wait here, in order,
 * and go out as earlier ones are answered. HTTP/1.1 needs a connection for every request in flight,
 * so an open loop the server cannot keep up with would otherwise open connections without bound
 * (until the process runs out of file descriptors). A request's wait here is part of its latency,
 * measured from its scheduled time, as it should be.
 */
final class InFlightLimit {
    private final int limit;
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    /** Starts {@code call} now or once a slot frees; the future completes as the call's does. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> sent;
            try {
                sent = call.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((value, error) -> {
                release();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        });
        drain();
        return result;
    }

    /** Requests on the wire now. */
    int running() {
        return running.get();
    }

    private void release() {
        running.decrementAndGet();
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= limit) {
                return; // the release of a running request drains again
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet(); // another thread took it; look again
            } else {
                next.run();
            }
        }
    }
}
