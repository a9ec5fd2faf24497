package io.inferbench.serve;

import io.inferbench.api.ModelSession;
import io.inferbench.api.TensorSpec;

import java.util.List;
import java.util.Objects;

/**
 * The one model a server serves: its name (in the URLs), version, platform (the backend, for the
 * metadata) and open session. The session belongs to the caller, who closes it after the server.
 */
public record ServedModel(String name, String version, String platform, ModelSession session) {
    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(session, "session");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("--model-name must be non-empty and without '/', got '" + name + "'");
        }
    }

    public List<TensorSpec> inputs() {
        return session.inputs();
    }

    public List<TensorSpec> outputs() {
        return session.outputs();
    }

    /**
     * Why a request for {@code requested} (and {@code version}, null for any) does not reach this model,
     * or null when it does.
     */
    public String mismatch(String requested, String requestedVersion) {
        if (!name.equals(requested)) {
            return "unknown model '" + requested + "'; this server serves '" + name + "'";
        }
        if (requestedVersion != null && !requestedVersion.isEmpty() && !version.equals(requestedVersion)) {
            return "model '" + name + "' has no version '" + requestedVersion + "'; it has version " + version;
        }
        return null;
    }
}
