package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.TfServingJson;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * TensorFlow Serving's REST API: the model's status ({@code GET /v1/models/NAME[/versions/V]}, an
 * AVAILABLE version), its {@code serving_default} signature ({@code .../metadata}), and
 * {@code POST ...:predict} in the columnar format or (with {@code format: row}) the row format.
 */
final class TfServingProtocol implements RemoteProtocol<byte[], HttpResponse<byte[]>> {
    private final String backend;
    private final RemoteSettings settings;
    private final HttpClients http;
    private final String modelPath;
    private List<TensorSpec> outputs = List.of();

    TfServingProtocol(String backend, RemoteSettings settings) {
        this.backend = backend;
        this.settings = settings;
        this.http = new HttpClients(backend, settings);
        this.modelPath = "/v1/models/" + settings.modelName()
                + (settings.modelVersion().isEmpty() ? "" : "/versions/" + settings.modelVersion());
    }

    @Override
    public Signature connect() throws BackendException {
        HttpResponse<byte[]> status = ok(http.get(modelPath), modelPath);
        byte[] metadata = ok(http.get(modelPath + "/metadata"), modelPath + "/metadata").body();
        try {
            if (!TfServingJson.available(status.body())) {
                throw new BackendException(backend + ": " + settings.url() + modelPath + " has no AVAILABLE version");
            }
            List<TensorSpec> inputs = TfServingJson.parseSignature(metadata, false);
            outputs = TfServingJson.parseSignature(metadata, true);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("protocol", "TensorFlow Serving REST, " + (settings.rows() ? "row" : "columnar") + " format");
            p.put("http-version", HttpClients.version(status));
            return new Signature(inputs, outputs, p);
        } catch (ProtocolException e) {
            throw new BackendException(backend + ": " + settings.url() + modelPath + "/metadata: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(Map<String, Tensor> inputs) {
        return TfServingJson.writeRequest(inputs, settings.rows());
    }

    @Override
    public CompletableFuture<HttpResponse<byte[]>> send(byte[] request, int connection) {
        return http.send(http.request(modelPath + ":predict").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), connection);
    }

    @Override
    public Map<String, Tensor> decode(HttpResponse<byte[]> answer) throws BackendException {
        ok(answer, modelPath + ":predict");
        try {
            return TfServingJson.parseResponse(answer.body(), outputs);
        } catch (ProtocolException e) {
            throw new BackendException(backend + ": " + settings.url() + modelPath + ":predict answered: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> serverStatistics() {
        return Map.of();
    }

    private HttpResponse<byte[]> ok(HttpResponse<byte[]> r, String path) throws BackendException {
        return Failures.requireOk(backend, settings.url() + path, r);
    }

    @Override
    public void close() {
        http.close();
    }
}
