package io.inferbench.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads results written before schema 2 ({@code inferbench.run/1}): one flat object per
 * configuration, the analysis beside the configurations. Rearranges such a document's JSON into the
 * current shape, so one set of records reads both.
 *
 * <p>Schema 1 kept the model's identity, the input feed and the baseline only in the display
 * {@code settings} map; here, and only here, they are read from it into their typed fields. A
 * FAILED configuration's verdict (schema 1 kept one when the load aborted) is dropped: it was never shown.
 */
final class ResultSchemaV1 {
    static final String SCHEMA = "inferbench.run/1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultSchemaV1() {
    }

    /** The document in the current schema; {@code run} is changed in place and returned. */
    static ObjectNode upgrade(ObjectNode run) {
        run.put("schema", RunResult.SCHEMA);
        if (run.get("configurations") instanceof ArrayNode configurations) {
            for (int i = 0; i < configurations.size(); i++) {
                if (configurations.get(i) instanceof ObjectNode c) {
                    configurations.set(i, configuration(c));
                }
            }
        }
        ObjectNode summary = NODES.objectNode();
        for (String derived : new String[] {"comparisons", "recommendation", "agreements", "accuracyDrops"}) {
            move(run, derived, summary, derived);
        }
        run.set("summary", summary);
        return run;
    }

    private static ObjectNode configuration(ObjectNode v1) {
        JsonNode settings = v1.path("settings");
        ObjectNode setup = NODES.objectNode();
        for (String field : new String[] {"id", "label", "axes", "backend", "device", "load"}) {
            move(v1, field, setup, field);
        }
        if (v1.get("model") instanceof ObjectNode model) {
            model.set("declared", text(settings, "model"));
        }
        move(v1, "model", setup, "model");
        setup.set("feed", feed(settings));
        setup.set("baseline", text(settings, "baseline"));
        move(v1, "settings", setup, "settings");

        ObjectNode session = NODES.objectNode();
        move(v1, "inputs", session, "inputs");
        move(v1, "outputs", session, "outputs");
        move(v1, "sessionProperties", session, "properties");

        ObjectNode phases = NODES.objectNode();
        for (String field : new String[] {"warmup", "measurement", "forks", "variation", "peak"}) {
            move(v1, field, phases, field);
        }
        ObjectNode resources = NODES.objectNode();
        for (String field : new String[] {"loadTimeMs", "coldStart", "utilization"}) {
            move(v1, field, resources, field);
        }
        ObjectNode v2 = NODES.objectNode();
        v2.set("setup", setup);
        v2.set("session", session);
        v2.set("outcome", outcome(v1));
        v2.set("phases", phases);
        v2.set("resources", resources);
        move(v1, "accuracy", v2, "accuracy");
        return v2;
    }

    /** {@code status}, {@code error} and {@code verdict} as one outcome; null when the status is missing. */
    private static JsonNode outcome(ObjectNode v1) {
        String status = v1.path("status").asText(null);
        if (status == null) {
            return NODES.nullNode();
        }
        ObjectNode outcome = NODES.objectNode();
        outcome.put("status", status);
        switch (status) {
            case "OK" -> move(v1, "verdict", outcome, "verdict");
            case "SKIPPED" -> move(v1, "error", outcome, "reason");
            default -> move(v1, "error", outcome, "error");
        }
        return outcome;
    }

    /** The input feed from the {@code inputs.*} settings; null when the result recorded none. */
    private static JsonNode feed(JsonNode settings) {
        if (!settings.has("inputs.source") && !settings.has("inputs.batch-size") && !settings.has("inputs.samples")
                && !settings.has("inputs.seed") && !settings.has("inputs.sequence-length")) {
            return NODES.nullNode();
        }
        ObjectNode feed = NODES.objectNode();
        feed.set("source", text(settings, "inputs.source"));
        feed.put("batchSize", number(settings, "inputs.batch-size"));
        feed.put("sequenceLength", number(settings, "inputs.sequence-length"));
        feed.put("samples", number(settings, "inputs.samples"));
        feed.put("seed", number(settings, "inputs.seed"));
        return feed;
    }

    private static JsonNode text(JsonNode settings, String key) {
        JsonNode v = settings.get(key);
        return v == null || v.isNull() ? NODES.nullNode() : NODES.textNode(v.asText());
    }

    /** A whole-number setting; 0 when absent or not a number (it then compares equal to another absent one). */
    private static long number(JsonNode settings, String key) {
        try {
            return Long.parseLong(settings.path(key).asText("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void move(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.remove(field);
        if (v != null) {
            to.set(as, v);
        }
    }
}
