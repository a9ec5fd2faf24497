package io.inferbench.adapter.remote;

import io.inferbench.adapter.support.AbstractModelSession;
import io.inferbench.adapter.support.AbstractRunner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connected remote model. Its properties are the connection and protocol settings, then (read when
 * the harness asks, after the measurement) the client's timings and the server's statistics since the
 * measurement started ({@link #measurementStarted}), or since the session connected when nothing said
 * so; {@code statistics-span} says which.
 */
final class RemoteSession extends AbstractModelSession {
    private final RemoteProtocol<?, ?> protocol;
    private final RemoteSettings settings;
    private final ClientTimings timings = new ClientTimings();
    private final InFlightLimit limit;
    private final AtomicInteger runners = new AtomicInteger();
    private final String backend;
    /** The server's counters being read at the measurement's start; null until it started. */
    private volatile CompletableFuture<Void> restarted;

    RemoteSession(String backend, RemoteProtocol<?, ?> protocol, RemoteProtocol.Signature signature, RemoteSettings settings,
                  Map<String, String> properties) {
        super(signature.inputs(), signature.outputs(), properties);
        this.protocol = protocol;
        this.settings = settings;
        this.backend = backend;
        this.limit = new InFlightLimit(settings.maxInFlight());
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>(super.properties());
        CompletableFuture<Void> r = restarted;
        boolean measurementOnly = r != null && awaited(r);
        p.put("statistics-span", measurementOnly ? "measurement" : "session (warmup included)");
        p.putAll(timings.properties());
        p.putAll(protocol.serverStatistics());
        return p;
    }

    /**
     * Restarts the client's timings at once and reads the server's counters on another thread (a
     * network call must not hold up the load generator's timeline).
     */
    @Override
    public void measurementStarted() {
        timings.restart();
        restarted = CompletableFuture.runAsync(protocol::restartStatistics);
    }

    private boolean awaited(CompletableFuture<Void> r) {
        try {
            r.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    protected AbstractRunner<?> createRunner() {
        return new RemoteRunner<>(this, protocol, timings, limit, runners.getAndIncrement() % settings.connections(),
                settings.timeout(), backend, settings.url());
    }

    @Override
    protected void release() {
        protocol.close();
    }
}
