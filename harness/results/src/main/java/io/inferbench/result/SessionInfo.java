package io.inferbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The model session a configuration ran: its tensors and the backend's effective settings.
 *
 * @param inputs     model inputs as fed (concrete shapes; with texts not padded to the sequence length, the
 *                   sequence dimension is the most fed, see {@code lengths}); from preflight when the session
 *                   never opened
 * @param outputs    model outputs as declared
 * @param properties effective backend settings reported by the adapter; empty when no session opened
 * @param lengths    the sequence lengths fed, for text inputs; null for random or file inputs (and in results
 *                   from before lengths were recorded)
 */
public record SessionInfo(List<TensorInfo> inputs, List<TensorInfo> outputs, Map<String, String> properties,
                          @JsonInclude(JsonInclude.Include.NON_NULL) InputLengths lengths) {
    /** No tensors known, no session opened. */
    public static final SessionInfo NONE = new SessionInfo(List.of(), List.of(), Map.of());

    public SessionInfo {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        properties = Ordered.copy(properties);
    }

    /** Without lengths (random inputs, or nothing fed yet). */
    public SessionInfo(List<TensorInfo> inputs, List<TensorInfo> outputs, Map<String, String> properties) {
        this(inputs, outputs, properties, null);
    }

    /** The same session with the lengths it was fed at. */
    public SessionInfo withLengths(InputLengths fedLengths) {
        return new SessionInfo(inputs, outputs, properties, fedLengths);
    }
}
