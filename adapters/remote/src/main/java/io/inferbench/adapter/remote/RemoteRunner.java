package io.inferbench.adapter.remote;

import io.inferbench.adapter.support.AbstractRunner;
import io.inferbench.adapter.support.InputCheck;
import io.inferbench.adapter.support.OwnedInput;
import io.inferbench.api.BackendException;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Tensor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One worker's client: {@code prepare} checks the inputs against the metadata and serializes the
 * request once; {@code run} sends it on this runner's connection, waits for the answer and decodes it
 * (a served model's outputs are in host memory once decoded, as the SPI asks). It is
 * {@linkplain #asynchronous() asynchronous}: {@link #runAsync} returns once the request is handed to the
 * client, and decodes the answer on the client's thread, so an open loop keeps many requests in flight
 * without a thread waiting for each.
 *
 * @param <Q> the protocol's encoded request
 * @param <R> the protocol's raw answer
 */
final class RemoteRunner<Q, R> extends AbstractRunner<RemoteRunner.Request> {
    private final RemoteProtocol<Q, R> protocol;
    private final ClientTimings timings;
    private final InFlightLimit limit;
    private final int connection;
    private final long timeoutNanos;
    private final java.util.List<io.inferbench.api.TensorSpec> inputs;
    private final String backend;
    private final String url;

    /** A serialized request. */
    static final class Request extends OwnedInput<RemoteRunner<?, ?>> {
        final Object encoded;

        Request(RemoteRunner<?, ?> owner, Object encoded) {
            super(owner);
            this.encoded = encoded;
        }

        @Override
        protected void release() {
        }
    }

    RemoteRunner(RemoteSession session, RemoteProtocol<Q, R> protocol, ClientTimings timings, InFlightLimit limit,
                 int connection,
                 Duration timeout, String backend, String url) {
        super(session, Request.class);
        this.inputs = session.inputs();
        this.backend = backend;
        this.url = url;
        this.protocol = protocol;
        this.timings = timings;
        this.limit = limit;
        this.connection = connection;
        // A little past the request's own timeout, so the protocol's timeout (with its message) comes first.
        this.timeoutNanos = timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
    }

    @Override
    protected Request newInput(Map<String, Tensor> inputs) throws BackendException {
        InputCheck.check(this.inputs, inputs, InputCheck::rankAndFixedDims);
        long t0 = System.nanoTime();
        Q encoded = protocol.encode(inputs);
        timings.serialized(System.nanoTime() - t0);
        return new Request(this, encoded);
    }

    @Override
    public void run(PreparedInput input) throws BackendException {
        call(own(input));
    }

    @Override
    public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
        return call(own(input));
    }

    @Override
    public boolean asynchronous() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Void> runAsync(PreparedInput input) {
        Request request;
        try {
            request = own(input);
        } catch (BackendException e) {
            return CompletableFuture.failedFuture(e);
        }
        long t0 = System.nanoTime();
        return limit.submit(() -> protocol.send((Q) request.encoded, connection))
                .orTimeout(timeoutNanos, TimeUnit.NANOSECONDS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(Failures.unwrap(failure) instanceof TimeoutException t
                                ? timedOut(t) : Failures.of(backend, url, failure));
                    }
                    long t1 = System.nanoTime();
                    try {
                        protocol.decode(answer);
                    } catch (BackendException e) {
                        throw new CompletionException(e);
                    }
                    timings.called(t1 - t0, System.nanoTime() - t1);
                    return null;
                });
    }

    private BackendException timedOut(TimeoutException e) {
        return new BackendException(backend + ": " + url + " gave no answer within the timeout (backend.options.timeout)", e);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Tensor> call(Request request) throws BackendException {
        long t0 = System.nanoTime();
        R answer;
        try {
            answer = limit.submit(() -> protocol.send((Q) request.encoded, connection))
                    .get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("remote call interrupted", e);
        } catch (ExecutionException e) {
            throw Failures.of(backend, url, e);
        } catch (TimeoutException e) {
            throw timedOut(e);
        }
        long t1 = System.nanoTime();
        Map<String, Tensor> outputs = protocol.decode(answer);
        timings.called(t1 - t0, System.nanoTime() - t1);
        return outputs;
    }
}
