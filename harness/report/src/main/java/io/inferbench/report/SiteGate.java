package io.inferbench.report;

import io.inferbench.result.GateRecord;
import io.inferbench.result.GateRecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** What the site knows of a run's gate: no record, the record, or a record it could not read. */
public sealed interface SiteGate {
    /** No {@code gate.json} beside the result. */
    SiteGate NOT_GATED = new NotGated();

    /** The run was not gated. */
    record NotGated() implements SiteGate {
    }

    /** The gate's record for the run. */
    record Gated(GateRecord record) implements SiteGate {
        public Gated {
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * A {@code gate.json} that is corrupt or of another schema: the site says so and builds on.
     *
     * @param reason one line: the file and what is wrong with it
     */
    record Unreadable(String reason) implements SiteGate {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The gate state stored in {@code gateJson}: not gated when the file is missing. Never throws on bad content. */
    static SiteGate read(Path gateJson) {
        if (!Files.isRegularFile(gateJson)) {
            return NOT_GATED;
        }
        try {
            return new Gated(GateRecordJson.read(gateJson));
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
            return new Unreadable(why.contains(gateJson.toString()) ? why : gateJson + ": " + why);
        }
    }
}
