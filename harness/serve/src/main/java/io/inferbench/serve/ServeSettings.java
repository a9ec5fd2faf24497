package io.inferbench.serve;

import java.util.Objects;

/**
 * How a model is served.
 *
 * @param host            address to bind; loopback unless told otherwise
 * @param httpPort        HTTP port; 0 picks a free one
 * @param grpcPort        gRPC port; 0 picks a free one, -1 serves no gRPC
 * @param workers         inferences run at once, each on its own runner (Triton's instance count)
 * @param queueCapacity   requests that may wait for a worker; more are answered 503
 * @param maxRequestBytes largest request body (HTTP) or message (gRPC); larger ones are answered 413
 */
public record ServeSettings(String host, int httpPort, int grpcPort, int workers, int queueCapacity,
                            int maxRequestBytes) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 << 20;

    public ServeSettings {
        Objects.requireNonNull(host, "host");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + httpPort);
        }
        if (grpcPort < -1 || grpcPort > 65535) {
            throw new IllegalArgumentException("--grpc-port must be between -1 (no gRPC) and 65535, got " + grpcPort);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("--queue must be at least 1, got " + queueCapacity);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("--max-request-bytes must be at least 1024, got " + maxRequestBytes);
        }
    }

    /** Loopback, free ports for both protocols, one worker, 64 waiting, 64 MiB: what tests want. */
    public static ServeSettings loopbackAnyPort() {
        return new ServeSettings(LOOPBACK, 0, 0, 1, 64, DEFAULT_MAX_REQUEST_BYTES);
    }

    public ServeSettings withWorkers(int n) {
        return new ServeSettings(host, httpPort, grpcPort, n, queueCapacity, maxRequestBytes);
    }

    public ServeSettings withQueueCapacity(int n) {
        return new ServeSettings(host, httpPort, grpcPort, workers, n, maxRequestBytes);
    }

    public ServeSettings withMaxRequestBytes(int n) {
        return new ServeSettings(host, httpPort, grpcPort, workers, queueCapacity, n);
    }
}
