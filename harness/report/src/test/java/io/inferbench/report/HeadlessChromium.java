package io.inferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client (no
 * extra dependency): open a page, collect its console errors, exceptions, log errors (CSP
 * violations land there), dialogs and network requests, evaluate an expression, take a screenshot.
 * Test code only.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Debian's binary; override with {@code -Dinferbench.chromium=PATH}. */
    static final String DEFAULT_BINARY = "/usr/bin/chromium";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private String session;

    /** What happened while a page loaded. */
    record PageLoad(List<String> errors, List<String> requests) {
    }

    /** The binary to use, or null when there is none on this machine. */
    static Path binary() {
        Path p = Path.of(System.getProperty("inferbench.chromium", DEFAULT_BINARY));
        return Files.isExecutable(p) ? p : null;
    }

    HeadlessChromium(Path binary) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("inferbench-chromium-");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "about:blank").redirectErrorStream(true).start();
        try {
            connect();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // No leaked browser when it cannot be reached (e.g. loopback down in a bare network namespace).
            close();
            throw e;
        }
    }

    private void connect() throws IOException, InterruptedException {
        String endpoint = endpoint();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(endpoint), new Listener()).join();
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            call(domain + ".enable", Map.of());
        }
        call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** Reads Chromium's output until it prints its DevTools address. */
    private String endpoint() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            int at = line.indexOf("ws://");
            if (line.contains("DevTools listening on") && at >= 0) {
                // Keep draining its output so the browser never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the browser closed
                    }
                }, "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return line.substring(at).strip();
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium did not print its DevTools address; its output:\n" + seen);
    }

    /** Sets {@code prefers-color-scheme} and the media type ({@code screen} or {@code print}). */
    void emulate(String media, String colourScheme) throws IOException {
        call("Emulation.setEmulatedMedia", Map.of("media", media, "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", colourScheme))));
    }

    /** Opens {@code url} and waits for its load event; returns what went wrong on the way, and every request. */
    PageLoad open(String url) throws IOException, InterruptedException {
        List<String> errors = new CopyOnWriteArrayList<>();
        List<String> requests = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Consumer<JsonNode> listener = event -> {
            JsonNode p = event.path("params");
            switch (event.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                        errors.add("console." + type + ": " + p.path("args").toString());
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").toString());
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        errors.add("log." + level + ": " + p.path("entry").path("text").asText());
                    }
                }
                case "Page.javascriptDialogOpening" -> {
                    errors.add("dialog: " + p.path("message").asText());
                    callAsync("Page.handleJavaScriptDialog", Map.of("accept", true));
                }
                case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                case "Page.loadEventFired" -> loaded.complete(null);
                default -> {
                    // not needed
                }
            }
        };
        listeners.add(listener);
        try {
            JsonNode nav = call("Page.navigate", Map.of("url", url));
            if (nav.has("errorText")) {
                errors.add("navigation: " + nav.get("errorText").asText());
                return new PageLoad(List.copyOf(errors), List.copyOf(requests));
            }
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // Let late console messages and requests (none expected) arrive before judging.
            evaluate("new Promise(r => setTimeout(r, 300))");
            return new PageLoad(List.copyOf(errors), List.copyOf(requests));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("page did not load: " + url, e);
        } finally {
            listeners.remove(listener);
        }
    }

    /** The value of a JavaScript expression in the page (promises awaited), as JSON. */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("evaluation failed: " + expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Writes a PNG of the viewport, or of the page's first {@code maxHeight} CSS pixels when taller than it. */
    void screenshot(Path png, int maxHeight) throws IOException {
        double height = Math.min(maxHeight, evaluate("document.documentElement.scrollHeight").asDouble());
        JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", Math.max(900, height), "scale", 1)));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(r.get("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws IOException {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws IOException {
        try {
            return send(sessionId, method, params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted in " + method, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + " failed: " + e.getMessage(), e);
        }
    }

    private void callAsync(String method, Map<String, Object> params) {
        send(session, method, params);
    }

    private CompletableFuture<JsonNode> send(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", json.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        synchronized (this) { // one frame at a time: the WebSocket client allows no overlapping sends
            socketOrFail().sendText(message.toString(), true).join();
        }
        return result;
    }

    private WebSocket socketOrFail() {
        if (socket == null) {
            throw new IllegalStateException("not connected");
        }
        return socket;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    JsonNode message = json.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                        if (f != null) {
                            if (message.has("error")) {
                                f.completeExceptionally(new IOException(message.get("error").toString()));
                            } else {
                                f.complete(message.path("result"));
                            }
                        }
                    } else {
                        listeners.forEach(l -> l.accept(message));
                    }
                } catch (IOException e) {
                    // a malformed message: nothing to route it to
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
        // Chromium's helper processes (network service, renderers) outlive a killed main process and
        // keep writing into the profile: end them too, and wait, before the profile is deleted.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        helpers.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle h : helpers) {
                if (h.isAlive()) {
                    h.destroyForcibly();
                    h.onExit().get(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a helper that will not die: deleting the profile below may then miss a file
        }
        try {
            deleteTree(profile);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a file the exiting browser still wrote or removed meanwhile; the folder is in the temp dir
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
