package io.inferbench.api;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runners a {@link ModelSession} has handed out, and whether the session is closed: the
 * bookkeeping every adapter's session needs, in one place. Thread-safe.
 *
 * @param <R> the adapter's runner type
 */
public final class RunnerSet<R extends Runner> {
    private final Set<R> runners = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Registers a new runner; closes it and throws if the session closed meanwhile (so it cannot leak). */
    public R add(R runner) throws BackendException {
        ensureOpen();
        runners.add(runner);
        if (closed) {
            runner.close();
            throw new BackendException("model session is closed");
        }
        return runner;
    }

    /** A runner that closed itself. */
    public void forget(R runner) {
        runners.remove(runner);
    }

    public void ensureOpen() throws BackendException {
        if (closed) {
            throw new BackendException("model session is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Marks the session closed and closes every runner; returns false when it was already closed
     * (the caller then skips releasing its native session a second time).
     */
    public boolean closeAll() {
        if (closed) {
            return false;
        }
        closed = true;
        new ArrayList<>(runners).forEach(Runner::close);
        return true;
    }
}
