package io.inferbench.cli;

import io.inferbench.api.DType;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import java.util.List;
import java.util.Map;

/**
 * A zero-latency model with one small input: output {@code y} is input {@code x} (float32 [batch, 8]),
 * handed back without a copy. Served, every microsecond of a request is the protocol's and the
 * client's, none the model's.
 */
final class EchoSession implements ModelSession {
    static final int WIDTH = 8;

    @Override
    public List<TensorSpec> inputs() {
        return List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, WIDTH}, List.of("batch", "")));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(new TensorSpec("y", DType.FLOAT32, new long[] {-1, WIDTH}, List.of("batch", "")));
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("engine", "echo (zero latency)");
    }

    @Override
    public Runner newRunner() {
        return new Runner() {
            @Override
            public PreparedInput prepare(Map<String, Tensor> inputs) {
                return new Prepared(inputs.get("x"));
            }

            @Override
            public void run(PreparedInput input) {
            }

            @Override
            public Map<String, Tensor> runAndFetch(PreparedInput input) {
                return Map.of("y", ((Prepared) input).x);
            }

            @Override
            public void close() {
            }
        };
    }

    private record Prepared(Tensor x) implements PreparedInput {
    }

    @Override
    public void close() {
    }
}
