package io.inferbench.result;

import java.util.List;
import java.util.Map;

/**
 * The model session a configuration ran: its tensors and the backend's effective settings.
 *
 * @param inputs     model inputs as fed (concrete shapes); from preflight when the session never opened
 * @param outputs    model outputs as declared
 * @param properties effective backend settings reported by the adapter; empty when no session opened
 */
public record SessionInfo(List<TensorInfo> inputs, List<TensorInfo> outputs, Map<String, String> properties) {
    /** No tensors known, no session opened. */
    public static final SessionInfo NONE = new SessionInfo(List.of(), List.of(), Map.of());

    public SessionInfo {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        properties = Ordered.copy(properties);
    }
}
