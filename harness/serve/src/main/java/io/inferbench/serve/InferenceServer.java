package io.inferbench.serve;

import java.util.concurrent.CountDownLatch;

/**
 * One model served over HTTP and (unless its port is -1) gRPC. {@link #close} is the graceful
 * shutdown a SIGTERM triggers (through a shutdown hook): readiness turns false, new connections are
 * refused, the queued requests finish, then the model's runners close. The session itself is the
 * caller's to close afterwards.
 */
public final class InferenceServer implements AutoCloseable {
    private final InferenceService service;
    private final HttpInferenceServer http;
    private final GrpcInferenceServer grpc;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private InferenceServer(InferenceService service, HttpInferenceServer http, GrpcInferenceServer grpc) {
        this.service = service;
        this.http = http;
        this.grpc = grpc;
    }

    /** Starts serving {@code model}; returns once both ports are bound. */
    public static InferenceServer start(ServedModel model, ServeSettings settings) throws Exception {
        String version = InferenceServer.class.getPackage().getImplementationVersion();
        version = version == null ? "dev" : version;
        InferenceService service = new InferenceService(model, settings);
        HttpInferenceServer http = null;
        try {
            http = new HttpInferenceServer(new HttpRoutes(service, version), settings.host(), settings.httpPort(),
                    settings.maxRequestBytes());
            GrpcInferenceServer grpc = settings.grpcPort() < 0 ? null : new GrpcInferenceServer(service,
                    settings.host(), settings.grpcPort(), settings.maxRequestBytes(), version);
            return new InferenceServer(service, http, grpc);
        } catch (Exception | Error e) {
            if (http != null) {
                http.close();
            }
            service.close();
            throw e;
        }
    }

    public int httpPort() {
        return http.port();
    }

    /** The gRPC port, or -1 when gRPC is off. */
    public int grpcPort() {
        return grpc == null ? -1 : grpc.port();
    }

    public ServeStats stats() {
        return service.stats();
    }

    public ServedModel model() {
        return service.model();
    }

    /** Blocks until {@link #close} has finished (the CLI's main thread waits here). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            // Not ready first, so health checks drain traffic; then the queued requests finish and are answered.
            service.close();
            if (grpc != null) {
                grpc.close();
            }
            http.close();
        } finally {
            stopped.countDown();
        }
    }
}
