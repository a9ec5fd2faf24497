package io.inferbench.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferbench.api.Tensor;
import io.inferbench.protocol.V2Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code inferbench serve}'s HTTP side against the v2 protocol, on loopback: health, metadata, infer
 * with JSON and binary tensors, statistics, and every error status; hostile requests (truncated JSON,
 * shapes that lie, 100 MB bodies, unknown datatypes, garbage bytes) get their error and the next request
 * is still answered.
 */
class HttpProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"id\":\"r1\",\"inputs\":["
            + "{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[2,3],\"data\":[[-1,2,-3],[4,-5,6]]},"
            + "{\"name\":\"ids\",\"datatype\":\"INT64\",\"shape\":[2],\"data\":[-7,8]}]}";
    private static InferenceServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort().withMaxRequestBytes(1 << 20), 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Whatever a test sent, the server still answers a good request. */
    @AfterEach
    void stillAnswers() throws Exception {
        HttpResponse<String> r = post("/v2/models/relu-abs/infer", GOOD, Map.of());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void healthAndMetadata() throws Exception {
        assertEquals(true, get("/v2/health/live").get("live").asBoolean());
        assertEquals(true, get("/v2/health/ready").get("ready").asBoolean());
        assertEquals(true, get("/v2/models/relu-abs/ready").get("ready").asBoolean());
        JsonNode meta = get("/v2/models/relu-abs");
        assertEquals("relu-abs", meta.get("name").asText());
        assertEquals("x", meta.get("inputs").get(0).get("name").asText());
        assertEquals("FP32", meta.get("inputs").get(0).get("datatype").asText());
        assertEquals("[-1,3]", meta.get("inputs").get(0).get("shape").toString());
        assertEquals("INT64", meta.get("outputs").get(1).get("datatype").asText());
        assertEquals("inferbench", get("/v2").get("name").asText());
        assertEquals(200, raw("GET", "/v2/models/relu-abs/versions/1").statusCode());
    }

    @Test
    void infersWithJsonTensors() throws Exception {
        HttpResponse<String> r = post("/v2/models/relu-abs/infer", GOOD, Map.of());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode out = JSON.readTree(r.body());
        assertEquals("r1", out.get("id").asText());
        assertEquals("y", out.get("outputs").get(0).get("name").asText());
        assertEquals("[0.0,2.0,0.0,4.0,0.0,6.0]", out.get("outputs").get(0).get("data").toString());
        assertEquals("[7,8]", out.get("outputs").get(1).get("data").toString());
    }

    @Test
    void infersWithBinaryTensors() throws Exception {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", ReluAbsSession.floats(new long[] {1, 3}, -1, 0.5f, 3));
        in.put("ids", ReluAbsSession.longs(new long[] {1}, -42));
        V2Json.Encoded body = V2Json.writeRequest(in, true);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/v2/models/relu-abs/infer"))
                .header(V2Json.HEADER_LENGTH, Integer.toString(body.headerLength()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        int header = Integer.parseInt(r.headers().firstValue(V2Json.HEADER_LENGTH).orElseThrow());
        assertTrue(header < r.body().length, "binary outputs follow the header");
        Map<String, Tensor> out = V2Json.parseResponse(r.body(), header).outputs();
        assertArrayEquals(new float[] {0, 0.5f, 3}, out.get("y").toFloatArray());
        assertArrayEquals(new float[] {42}, out.get("abs_ids").toFloatArray());
    }

    @Test
    void statisticsCountRequestsWithQueueAndComputeTimes() throws Exception {
        post("/v2/models/relu-abs/infer", GOOD, Map.of());
        JsonNode stats = get("/v2/models/relu-abs/stats").get("model_stats").get(0);
        assertEquals("relu-abs", stats.get("name").asText());
        JsonNode s = stats.get("inference_stats");
        assertTrue(s.get("success").get("count").asLong() >= 1, s.toString());
        for (String phase : List.of("queue", "compute_input", "compute_infer", "compute_output")) {
            assertTrue(s.get(phase).get("count").asLong() >= 1, phase + " in " + s);
        }
    }

    @Test
    void unknownModelsAndEndpointsAre404AndWrongMethods405() throws Exception {
        HttpResponse<String> r = post("/v2/models/nope/infer", GOOD, Map.of());
        assertEquals(404, r.statusCode());
        assertTrue(error(r).contains("unknown model 'nope'"), r.body());
        assertEquals(404, raw("GET", "/v2/models/relu-abs/versions/7").statusCode());
        assertEquals(404, raw("GET", "/v3/anything").statusCode());
        assertEquals(405, raw("GET", "/v2/models/relu-abs/infer").statusCode());
        assertEquals(405, post("/v2/health/live", "{}", Map.of()).statusCode());
    }

    @Test
    void malformedRequestsAre400WithTheReason() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(GOOD.substring(0, 60), "malformed JSON");
        cases.put("", "empty body");
        cases.put("[1,2]", "expected a JSON object");
        cases.put("{\"inputs\":[]}", "inputs");
        cases.put(GOOD.replace("[[-1,2,-3],[4,-5,6]]", "[1,2,3]"), "has 6 elements but data has 3");
        cases.put(GOOD.replace("\"shape\":[2,3]", "\"shape\":[100000000000,100000000000]"), "too large");
        cases.put(GOOD.replace("\"shape\":[2,3]", "\"shape\":[-2,3]"), "shape[0]");
        cases.put(GOOD.replace("\"FP32\"", "\"FP128\""), "unknown datatype 'FP128'");
        cases.put(GOOD.replace("\"FP32\"", "\"BYTES\""), "BYTES is not supported");
        cases.put(GOOD.replace("\"INT64\"", "\"INT32\""), "but the model expects INT64");
        cases.put(GOOD.replace("[-7,8]", "[-7,\"8\"]"), "expected a number");
        cases.put(GOOD.replace("[-7,8]", "[-7,8.5]"), "expected an integer");
        cases.put(GOOD.replace("\"name\":\"ids\"", "\"name\":\"idz\""), "unknown input 'idz'");
        cases.put(GOOD.replace("\"name\":\"x\"", "\"name\":\"ids\""), "appears twice");
        cases.put(GOOD.replace("\"data\":[-7,8]", "\"parameters\":{\"binary_data_size\":16}"), "without the");
        cases.put("{\"inputs\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = post("/v2/models/relu-abs/infer", c.getKey(), Map.of());
            assertEquals(400, r.statusCode(), c.getValue() + ": " + r.body());
            assertTrue(error(r).contains(c.getValue()), "'" + c.getValue() + "' in " + r.body());
        }
    }

    @Test
    void binaryBodiesThatLieAre400() throws Exception {
        String header = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,3],\"parameters\":"
                + "{\"binary_data_size\":12}},{\"name\":\"ids\",\"datatype\":\"INT64\",\"shape\":[1],\"data\":[1]}]}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] shortBody = java.util.Arrays.copyOf(h, h.length + 8);
        HttpResponse<String> r = postBytes(shortBody, Integer.toString(h.length));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(error(r).contains("binary data ends after 8 of its 12 bytes"), r.body());
        byte[] longBody = java.util.Arrays.copyOf(h, h.length + 20);
        assertTrue(error(postBytes(longBody, Integer.toString(h.length))).contains("8 bytes after"));
        assertTrue(error(postBytes(h, Integer.toString(h.length + 5))).contains("has only"));
        assertTrue(error(postBytes(h, "ten")).contains("expected a length in bytes"));
        String wrongSize = header.replace("\"binary_data_size\":12", "\"binary_data_size\":11");
        byte[] w = wrongSize.getBytes(StandardCharsets.UTF_8);
        assertTrue(error(postBytes(java.util.Arrays.copyOf(w, w.length + 11), Integer.toString(w.length)))
                .contains("needs 12 bytes"));
    }

    @Test
    void aHundredMegabyteBodyIs413() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.httpPort())) {
            OutputStream out = s.getOutputStream();
            long size = 100L << 20;
            out.write(("POST /v2/models/relu-abs/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[1 << 16];
                java.util.Arrays.fill(chunk, (byte) '[');
                try {
                    for (long sent = 0; sent < size; sent += chunk.length) {
                        out.write(chunk);
                    }
                } catch (Exception closedByTheServer) {
                    // expected: the server answers and closes without reading the body
                }
            });
            writer.start();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
            s.close();
            writer.join(30_000);
        }
    }

    @Test
    void garbageBytesGet400AndOnlyThatConnectionCloses() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.httpPort())) {
            s.getOutputStream().write("\u0000\u0001GARBAGE \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"), answer);
        }
    }

    @Test
    void aFullQueueIs503() throws Exception {
        try (InferenceServer slow = ReluAbsSession.serve(ServeSettings.loopbackAnyPort().withQueueCapacity(1), 300)) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.httpPort()
                                + "/v2/models/relu-abs/infer")).POST(HttpRequest.BodyPublishers.ofString(GOOD)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = sent.stream().map(f -> f.join().statusCode()).toList();
            assertTrue(statuses.contains(200), statuses.toString());
            assertTrue(statuses.contains(503), statuses.toString());
            HttpResponse<String> rejected = sent.stream().map(CompletableFuture::join)
                    .filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
            assertTrue(error(rejected).contains("queue is full"), rejected.body());
            assertTrue(slow.stats().rejectedCount() >= 1);
        }
    }

    @Test
    void closingFinishesQueuedRequestsThenRefusesConnections() throws Exception {
        InferenceServer s = ReluAbsSession.serve(ServeSettings.loopbackAnyPort(), 200);
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + s.httpPort() + "/v2/models/relu-abs/infer"))
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(50);
        s.close();
        assertEquals(200, inFlight.join().statusCode(), "a request queued before shutdown is answered");
        int port = s.httpPort();
        assertTrue(refused(port), "no new connections after close");
    }

    private static boolean refused(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static String error(HttpResponse<String> r) {
        String e = V2Json.errorMessage(r.body().getBytes(StandardCharsets.UTF_8));
        assertNotNull(e, "an {\"error\": ...} body: " + r.body());
        return e;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = raw("GET", path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> raw(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postBytes(byte[] body, String headerLength) throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/v2/models/relu-abs/infer"))
                .header(V2Json.HEADER_LENGTH, headerLength).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
