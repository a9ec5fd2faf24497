package io.inferbench.result;

import java.io.IOException;
import java.util.List;

/**
 * The parts of a result every tool reads without checking: present in everything InferBench
 * writes, so a document without them (a {@code null}, a hand-edited or truncated file) is refused
 * when it is read, in one line, rather than failing later with a NullPointerException.
 */
final class ResultChecks {
    private ResultChecks() {
    }

    static void requireComplete(RunResult r, String where) throws IOException {
        if (r == null) {
            throw new IOException(where + ": the document is null, not a result");
        }
        require(r.runId() != null, where, "runId");
        // scenario and environment may be absent (schema-1 documents have neither): readers check them.
        List<ConfigurationResult> configurations = r.configurations();
        for (int i = 0; i < configurations.size(); i++) {
            ConfigurationResult c = configurations.get(i);
            String at = "configurations[" + i + "]";
            require(c != null, where, at);
            require(c.setup().id() != null, where, at + ".setup.id");
            require(c.setup().label() != null, where, at + ".setup.label");
        }
    }

    private static void require(boolean present, String where, String field) throws IOException {
        if (!present) {
            throw new IOException(where + ": not a complete result: " + field + " is missing");
        }
    }
}
