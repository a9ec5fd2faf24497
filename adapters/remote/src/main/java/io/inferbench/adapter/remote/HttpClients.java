package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HttpClient, {@code connections} of them (each keeps its own connection pool), shared by
 * the HTTP backends: asynchronous sends on a small shared executor, blocking GETs for setup.
 */
final class HttpClients implements AutoCloseable {
    private final String backend;
    private final RemoteSettings settings;
    private final HttpClient[] clients;
    private final ExecutorService executor;

    HttpClients(String backend, RemoteSettings settings) {
        this.backend = backend;
        this.settings = settings;
        // Daemon threads: a session left open never keeps the JVM alive.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "inferbench-remote-http");
            t.setDaemon(true);
            return t;
        });
        this.clients = new HttpClient[settings.connections()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder()
                    .version(settings.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(Math.max(1, Math.min(10, settings.timeout().toSeconds()))))
                    .executor(executor)
                    .build();
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url() + path)).timeout(settings.timeout());
        settings.headers().forEach(b::header);
        return b;
    }

    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, int connection) {
        return clients[connection % clients.length].sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A blocking GET for setup and statistics. */
    HttpResponse<byte[]> get(String path) throws BackendException {
        String url = settings.url() + path;
        try {
            return clients[0].send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(backend + ": interrupted while calling " + url, e);
        } catch (Exception e) {
            throw Failures.of(backend, url, e);
        }
    }

    /** The HTTP version the first client negotiated on {@code response}. */
    static String version(HttpResponse<?> response) {
        return response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
    }

    Map<String, String> headers() {
        return settings.headers();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
