package io.inferbench.adapter.remote;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote backend's options, read and checked once when the session opens.
 *
 * @param url          the server's base URL ({@code http://host:port}; for gRPC {@code host:port})
 * @param modelName    the served model's name
 * @param modelVersion a version, or empty for the server's choice
 * @param timeout      how long one request may take before it fails
 * @param connections  HTTP clients (connection pools) or gRPC channels the runners are spread over
 * @param http2        HTTP/2 instead of HTTP/1.1 (HTTP backends)
 * @param binaryData   the v2 binary tensor extension instead of JSON tensors ({@code kserve-v2-http})
 * @param rows         TensorFlow Serving's row format ({@code instances}) instead of columnar ({@code inputs})
 * @param headers      extra request headers (authentication, routing), in order
 * @param maxInFlight  requests of the session on the wire at once; more wait in the client, in order
 */
record RemoteSettings(String url, String modelName, String modelVersion, Duration timeout, int connections,
                      boolean http2, boolean binaryData, boolean rows, Map<String, String> headers, int maxInFlight) {
    static final String URL = "url";
    static final String MODEL_NAME = "model-name";
    static final String MODEL_VERSION = "model-version";
    static final String TIMEOUT = "timeout";
    static final String CONNECTIONS = "connections";
    static final String HTTP2 = "http2";
    static final String BINARY_DATA = "binary-data";
    static final String FORMAT = "format";
    static final String HEADERS = "headers";
    static final String MAX_IN_FLIGHT = "max-in-flight";
    static final int MAX_IN_FLIGHT_LIMIT = 65_536;

    /** The options every remote backend takes, with this backend's default URL. */
    static List<OptionSpec> common(String defaultUrl) {
        return List.of(
                OptionSpec.string(URL, defaultUrl, "the server's address, e.g. " + defaultUrl),
                OptionSpec.string(MODEL_NAME, null, "the served model's name (required)"),
                OptionSpec.string(MODEL_VERSION, "", "the model version to call; empty: the server's choice"),
                OptionSpec.number(TIMEOUT, 30.0, 0.001, "seconds one request may take before it fails"),
                OptionSpec.integer(CONNECTIONS, 1L, 1, "HTTP clients (connection pools) or gRPC channels the "
                        + "workers are spread over, round robin"),
                OptionSpec.string(HEADERS, "", "extra request headers, 'Name: value' separated by ';' "
                        + "(e.g. 'Authorization: Bearer x; Host: model.example.com')"),
                OptionSpec.integer(MAX_IN_FLIGHT, 64L, 1, "requests on the wire at once (all workers); more wait in "
                        + "the client, in order, their wait counted in the latency. HTTP/1.1 needs a connection per "
                        + "request in flight: this bounds the connections an open loop opens"));
    }

    static RemoteSettings read(String backend, ModelLoadRequest request, String defaultUrl) throws BackendException {
        String url = request.stringOption(URL, defaultUrl).strip();
        String model = request.stringOption(MODEL_NAME, "").strip();
        if (model.isEmpty()) {
            throw new BackendException(backend + ": set backend.options.model-name to the served model's name");
        }
        if (url.isEmpty()) {
            throw new BackendException(backend + ": backend.options.url is empty");
        }
        double seconds = request.doubleOption(TIMEOUT, 30);
        long connections = request.longOption(CONNECTIONS, 1);
        if (connections < 1 || connections > 1024) {
            throw new BackendException(backend + ": connections must be between 1 and 1024, got " + connections);
        }
        long maxInFlight = request.longOption(MAX_IN_FLIGHT, 64);
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT_LIMIT) {
            throw new BackendException(backend + ": max-in-flight must be between 1 and " + MAX_IN_FLIGHT_LIMIT
                    + ", got " + maxInFlight);
        }
        return new RemoteSettings(url.replaceAll("/+$", ""), model, request.stringOption(MODEL_VERSION, "").strip(),
                Duration.ofNanos((long) (seconds * 1e9)), (int) connections, request.booleanOption(HTTP2, false),
                request.booleanOption(BINARY_DATA, false), "row".equals(request.stringOption(FORMAT, "columnar")),
                headers(backend, request.stringOption(HEADERS, "")), (int) maxInFlight);
    }

    /** {@code Name: value; Name2: value2}. */
    static Map<String, String> headers(String backend, String text) throws BackendException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new BackendException(backend + ": headers: expected 'Name: value', got '" + part.strip() + "'");
            }
            out.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
        }
        return out;
    }
}
