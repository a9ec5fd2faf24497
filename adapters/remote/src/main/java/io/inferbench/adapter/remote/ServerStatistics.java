package io.inferbench.adapter.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.V2Json;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server's side of a request's time, from Triton's statistics extension (which
 * {@code inferbench serve} answers too): cumulative counts and nanoseconds queued and computing,
 * turned into means over the requests since the session connected (warmup included).
 */
final class ServerStatistics {
    private ServerStatistics() {
    }

    /** Cumulative counts and nanoseconds by phase ({@code success}, {@code queue}, {@code compute_infer}...). */
    record Snapshot(Map<String, long[]> phases) {
        Map<String, String> since(Snapshot before) {
            Map<String, String> out = new LinkedHashMap<>();
            long[] success = delta(before, "success");
            out.put("server-requests", Long.toString(success[0]));
            for (String phase : new String[] {"success", "queue", "compute_input", "compute_infer", "compute_output"}) {
                long[] d = delta(before, phase);
                if (d[0] > 0) {
                    String key = "server-" + (phase.equals("success") ? "total" : phase.replace('_', '-')) + "-ms-mean";
                    out.put(key, String.format(Locale.ROOT, "%.4f", d[1] / 1e6 / d[0]));
                }
            }
            return out;
        }

        private long[] delta(Snapshot before, String phase) {
            long[] now = phases.getOrDefault(phase, new long[2]);
            long[] then = before.phases.getOrDefault(phase, new long[2]);
            return new long[] {now[0] - then[0], now[1] - then[1]};
        }
    }

    /** Reads {@code model}'s entry of a statistics body, or null when it has none. */
    static Snapshot parse(byte[] body, String model) {
        try {
            for (JsonNode m : V2Json.tree(body).path("model_stats")) {
                if (!model.equals(m.path("name").asText())) {
                    continue;
                }
                Map<String, long[]> phases = new LinkedHashMap<>();
                m.path("inference_stats").fields().forEachRemaining(e -> phases.put(e.getKey(),
                        new long[] {e.getValue().path("count").asLong(), e.getValue().path("ns").asLong()}));
                return new Snapshot(phases);
            }
            return null;
        } catch (ProtocolException e) {
            return null;
        }
    }
}
