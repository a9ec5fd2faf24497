package io.inferbench.adapter.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.V2Json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The v2 protocol over HTTP: {@code /v2/health/ready}, {@code /v2/models/NAME[/versions/V]/ready}, the
 * model's metadata, and {@code POST .../infer} with JSON tensors or (with {@code binary-data}) the binary
 * tensor extension, asking for binary outputs too. Statistics come from Triton's
 * {@code /v2/models/NAME/stats} when the server has it.
 */
final class V2HttpProtocol implements RemoteProtocol<V2Json.Encoded, HttpResponse<byte[]>> {
    private final String backend;
    private final RemoteSettings settings;
    private final HttpClients http;
    private final String modelPath;
    private final String inferUrl;
    private volatile ServerStatistics.Snapshot statsOrigin;

    V2HttpProtocol(String backend, RemoteSettings settings) {
        this.backend = backend;
        this.settings = settings;
        this.http = new HttpClients(backend, settings);
        this.modelPath = "/v2/models/" + settings.modelName()
                + (settings.modelVersion().isEmpty() ? "" : "/versions/" + settings.modelVersion());
        this.inferUrl = settings.url() + modelPath + "/infer";
    }

    @Override
    public Signature connect() throws BackendException {
        HttpResponse<byte[]> ready = ok(http.get("/v2/health/ready"), "/v2/health/ready");
        ok(http.get(modelPath + "/ready"), modelPath + "/ready");
        HttpResponse<byte[]> meta = ok(http.get(modelPath), modelPath);
        V2Json.ModelMetadata m;
        try {
            m = V2Json.parseMetadata(meta.body());
        } catch (ProtocolException e) {
            throw new BackendException(backend + ": " + settings.url() + modelPath + " is not v2 model metadata: "
                    + e.getMessage(), e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("protocol", "v2 REST, " + (settings.binaryData() ? "binary tensors" : "JSON tensors"));
        p.put("http-version", HttpClients.version(ready) + (settings.http2() && !HttpClients.version(ready)
                .equals("HTTP/2") ? " (HTTP/2 asked; the server did not upgrade)" : ""));
        p.put("server-platform", m.platform());
        p.put("model-versions", String.join(", ", m.versions()));
        serverMetadata(p);
        statsOrigin = statistics();
        return new Signature(m.inputs(), m.outputs(), p);
    }

    private void serverMetadata(Map<String, String> p) {
        try {
            HttpResponse<byte[]> r = http.get("/v2");
            if (r.statusCode() == 200) {
                JsonNode n = V2Json.tree(r.body());
                p.put("server", n.path("name").asText("?") + " " + n.path("version").asText(""));
            }
        } catch (BackendException | ProtocolException e) {
            p.put("server", "unknown (" + e.getMessage() + ")");
        }
    }

    @Override
    public V2Json.Encoded encode(Map<String, Tensor> inputs) {
        return V2Json.writeRequest(inputs, settings.binaryData());
    }

    @Override
    public CompletableFuture<HttpResponse<byte[]>> send(V2Json.Encoded request, int connection) {
        HttpRequest.Builder b = http.request(modelPath + "/infer")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.binary()) {
            b.header("Content-Type", "application/octet-stream")
                    .header(V2Json.HEADER_LENGTH, Integer.toString(request.headerLength()));
        } else {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), connection);
    }

    @Override
    public Map<String, Tensor> decode(HttpResponse<byte[]> answer) throws BackendException {
        ok(answer, modelPath + "/infer");
        int headerLength = answer.headers().firstValue(V2Json.HEADER_LENGTH).map(String::strip)
                .map(Integer::parseInt).orElse(-1);
        try {
            return V2Json.parseResponse(answer.body(), headerLength).outputs();
        } catch (ProtocolException e) {
            throw new BackendException(backend + ": " + inferUrl + " answered something that is not a v2 response: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> serverStatistics() {
        ServerStatistics.Snapshot now = statistics();
        ServerStatistics.Snapshot origin = statsOrigin;
        return now == null || origin == null ? Map.of() : now.since(origin);
    }

    @Override
    public void restartStatistics() {
        ServerStatistics.Snapshot now = statistics();
        if (now != null) {
            statsOrigin = now;
        }
    }

    /** Triton's statistics extension, or null when the server does not have it. */
    private ServerStatistics.Snapshot statistics() {
        try {
            HttpResponse<byte[]> r = http.get("/v2/models/" + settings.modelName() + "/stats");
            return r.statusCode() == 200 ? ServerStatistics.parse(r.body(), settings.modelName()) : null;
        } catch (BackendException e) {
            return null;
        }
    }

    private HttpResponse<byte[]> ok(HttpResponse<byte[]> r, String path) throws BackendException {
        return Failures.requireOk(backend, settings.url() + path, r);
    }

    @Override
    public void close() {
        http.close();
    }
}
