package io.inferbench.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferbench.protocol.V2Json;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The model's statistics in the shape of Triton's statistics extension
 * ({@code GET /v2/models/NAME/stats}): counts and cumulative nanoseconds of successful and failed
 * requests, time queued, time preparing inputs ({@code compute_input}), inferring
 * ({@code compute_infer}) and encoding outputs ({@code compute_output}). Thread-safe.
 */
public final class ServeStats {
    /** One counter pair. */
    static final class Duration {
        private final LongAdder count = new LongAdder();
        private final LongAdder ns = new LongAdder();

        void add(long nanos) {
            count.increment();
            ns.add(nanos);
        }

        long count() {
            return count.sum();
        }

        long ns() {
            return ns.sum();
        }

        void write(JsonGenerator g, String name) throws IOException {
            g.writeObjectFieldStart(name);
            g.writeNumberField("count", count());
            g.writeNumberField("ns", ns());
            g.writeEndObject();
        }
    }

    final Duration success = new Duration();
    final Duration fail = new Duration();
    final Duration queue = new Duration();
    final Duration computeInput = new Duration();
    final Duration computeInfer = new Duration();
    final Duration computeOutput = new Duration();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong lastInferenceMs = new AtomicLong();

    void rejected() {
        rejected.increment();
    }

    void inferred() {
        lastInferenceMs.set(System.currentTimeMillis());
    }

    /** Requests answered 503 because the queue was full. */
    public long rejectedCount() {
        return rejected.sum();
    }

    public long successCount() {
        return success.count();
    }

    /** The statistics body for {@code model} (Triton's {@code model_stats} array of one). */
    public byte[] json(String model, String version) {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("model_stats");
            g.writeStartObject();
            g.writeStringField("name", model);
            g.writeStringField("version", version);
            g.writeNumberField("last_inference", lastInferenceMs.get());
            g.writeNumberField("inference_count", success.count());
            g.writeNumberField("execution_count", success.count());
            g.writeObjectFieldStart("inference_stats");
            success.write(g, "success");
            fail.write(g, "fail");
            queue.write(g, "queue");
            computeInput.write(g, "compute_input");
            computeInfer.write(g, "compute_infer");
            computeOutput.write(g, "compute_output");
            g.writeEndObject();
            g.writeArrayFieldStart("batch_stats");
            g.writeEndArray();
            // Not Triton's: requests refused because the queue was full (503).
            g.writeNumberField("rejected_count", rejected.sum());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
