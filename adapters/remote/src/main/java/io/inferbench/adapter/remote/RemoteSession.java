package io.inferbench.adapter.remote;

import io.inferbench.adapter.support.AbstractModelSession;
import io.inferbench.adapter.support.AbstractRunner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connected remote model. Its properties are the connection and protocol settings, then (read when
 * the harness asks, after the measurement) the client's timings and the server's statistics since
 * the session connected.
 */
final class RemoteSession extends AbstractModelSession {
    private final RemoteProtocol<?, ?> protocol;
    private final RemoteSettings settings;
    private final ClientTimings timings = new ClientTimings();
    private final AtomicInteger runners = new AtomicInteger();
    private final String backend;

    RemoteSession(String backend, RemoteProtocol<?, ?> protocol, RemoteProtocol.Signature signature, RemoteSettings settings,
                  Map<String, String> properties) {
        super(signature.inputs(), signature.outputs(), properties);
        this.protocol = protocol;
        this.settings = settings;
        this.backend = backend;
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>(super.properties());
        p.putAll(timings.properties());
        p.putAll(protocol.serverStatistics());
        return p;
    }

    @Override
    protected AbstractRunner<?> createRunner() {
        return new RemoteRunner<>(this, protocol, timings, runners.getAndIncrement() % settings.connections(),
                settings.timeout(), backend, settings.url());
    }

    @Override
    protected void release() {
        protocol.close();
    }
}
