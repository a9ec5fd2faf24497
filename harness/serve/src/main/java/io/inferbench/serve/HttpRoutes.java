package io.inferbench.serve;

import io.inferbench.api.Tensor;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.TfServingJson;
import io.inferbench.protocol.V2Json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API, without Netty: a method, path and body in, an {@link HttpReply} out (later, for
 * inference). The v2 protocol's health, server and model metadata, model readiness, infer (JSON and
 * binary) and Triton's statistics; and TensorFlow Serving's model status, metadata and predict, so
 * that the {@code tfserving-rest} backend has a server too. Every failure is a status with
 * {@code {"error": ...}}: 400 malformed, 404 unknown, 405 wrong method, 500 the model failed,
 * 503 queue full or shutting down.
 */
final class HttpRoutes {
    static final String SERVER_NAME = "inferbench";
    private static final Pattern V2_MODEL = Pattern.compile("/v2/models/([^/]+)(?:/versions/([^/]+))?(/ready|/infer|/stats)?");
    private static final Pattern TF_MODEL = Pattern.compile("/v1/models/([^/:]+)(?:/versions/([^/:]+))?(/metadata|:predict)?");

    private final InferenceService service;
    private final String serverVersion;

    HttpRoutes(InferenceService service, String serverVersion) {
        this.service = service;
        this.serverVersion = serverVersion;
    }

    /**
     * Answers one request.
     *
     * @param headerLength the binary extension's header length, or -1
     */
    CompletableFuture<HttpReply> handle(String method, String path, byte[] body, int headerLength) {
        long start = System.nanoTime();
        try {
            return route(method, path, body, headerLength, start);
        } catch (ProtocolException e) {
            service.failed(System.nanoTime() - start);
            return done(HttpReply.error(400, e.getMessage()));
        } catch (InferenceQueue.QueueFullException e) {
            service.failed(System.nanoTime() - start);
            return done(HttpReply.error(503, e.getMessage()));
        }
    }

    private CompletableFuture<HttpReply> route(String method, String path, byte[] body, int headerLength, long start)
            throws ProtocolException, InferenceQueue.QueueFullException {
        ServedModel model = service.model();
        switch (path) {
            case "/v2/health/live":
                return get(method, () -> V2Json.bytes(g -> {
                    g.writeStartObject();
                    g.writeBooleanField("live", true);
                    g.writeEndObject();
                }));
            case "/v2/health/ready":
                return service.ready() ? get(method, () -> readyBody(null))
                        : done(HttpReply.error(503, "the server is shutting down"));
            case "/v2", "/v2/":
                return get(method, this::serverMetadata);
            case "/v2/models/stats":
                return get(method, () -> service.stats().json(model.name(), model.version()));
            default:
                break;
        }
        Matcher v2 = V2_MODEL.matcher(path);
        if (v2.matches()) {
            String mismatch = model.mismatch(v2.group(1), v2.group(2));
            if (mismatch != null) {
                return done(HttpReply.error(404, mismatch));
            }
            String action = v2.group(3) == null ? "" : v2.group(3);
            return switch (action) {
                case "" -> get(method, () -> V2Json.writeMetadata(new V2Json.ModelMetadata(model.name(),
                        List.of(model.version()), model.platform(), model.inputs(), model.outputs())));
                case "/ready" -> service.ready() ? get(method, () -> readyBody(model.name()))
                        : done(HttpReply.error(503, "the server is shutting down"));
                case "/stats" -> get(method, () -> service.stats().json(model.name(), model.version()));
                default -> post(method) != null ? post(method) : inferV2(body, headerLength, start);
            };
        }
        Matcher tf = TF_MODEL.matcher(path);
        if (tf.matches()) {
            String mismatch = model.mismatch(tf.group(1), tf.group(2));
            if (mismatch != null) {
                return done(HttpReply.error(404, mismatch));
            }
            String action = tf.group(3) == null ? "" : tf.group(3);
            return switch (action) {
                case "" -> get(method, () -> TfServingJson.writeStatus(model.version(), service.ready()));
                case "/metadata" -> get(method, () -> TfServingJson.writeMetadata(model.name(), model.version(),
                        model.inputs(), model.outputs()));
                default -> post(method) != null ? post(method) : predictTf(body, start);
            };
        }
        return done(HttpReply.error(404, "no such endpoint: " + method + " " + path));
    }

    private CompletableFuture<HttpReply> inferV2(byte[] body, int headerLength, long start)
            throws ProtocolException, InferenceQueue.QueueFullException {
        V2Json.InferRequest request = V2Json.parseRequest(body, headerLength);
        ServedModel model = service.model();
        return answer(service.infer(request.inputs(), request.outputs()), start,
                outputs -> HttpReply.of(V2Json.writeResponse(model.name(), model.version(), request.id(), outputs,
                        request::binary)));
    }

    private CompletableFuture<HttpReply> predictTf(byte[] body, long start)
            throws ProtocolException, InferenceQueue.QueueFullException {
        TfServingJson.PredictRequest request = TfServingJson.parseRequest(body, service.model().inputs());
        return answer(service.infer(request.inputs(), List.of()), start,
                outputs -> HttpReply.json(200, TfServingJson.writeResponse(outputs, request.rows())));
    }

    private CompletableFuture<HttpReply> answer(CompletableFuture<Map<String, Tensor>> outputs, long start,
                                                java.util.function.Function<Map<String, Tensor>, HttpReply> encode) {
        return outputs.handle((out, failure) -> {
            if (failure != null) {
                service.failed(System.nanoTime() - start);
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                String m = cause.getMessage();
                return HttpReply.error(500, "inference failed: " + (m == null ? cause.toString() : m));
            }
            long encodeStart = System.nanoTime();
            HttpReply reply = encode.apply(out);
            long end = System.nanoTime();
            service.succeeded(end - start, end - encodeStart);
            return reply;
        });
    }

    private byte[] serverMetadata() {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("name", SERVER_NAME);
            g.writeStringField("version", serverVersion);
            g.writeArrayFieldStart("extensions");
            g.writeString("binary_tensor_data");
            g.writeString("statistics");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static byte[] readyBody(String model) {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            if (model != null) {
                g.writeStringField("name", model);
            }
            g.writeBooleanField("ready", true);
            g.writeEndObject();
        });
    }

    private static CompletableFuture<HttpReply> get(String method, java.util.function.Supplier<byte[]> body) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return done(HttpReply.error(405, "method " + method + " not allowed here; use GET"));
        }
        return done(HttpReply.json(200, body.get()));
    }

    /** A 405 unless the method is POST, else null. */
    private static CompletableFuture<HttpReply> post(String method) {
        return method.equals("POST") ? null : done(HttpReply.error(405, "method " + method + " not allowed here; use POST"));
    }

    private static CompletableFuture<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
