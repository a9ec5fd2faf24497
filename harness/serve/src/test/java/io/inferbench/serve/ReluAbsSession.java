package io.inferbench.serve;

import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.ModelSession;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adapters' Relu/Abs test model ({@code x} float32 [batch, 3] → {@code y} = relu(x); {@code ids}
 * int64 [batch] → {@code abs_ids} = |ids|) in plain Java, to serve in tests without a native engine.
 * {@code delayMillis} makes each inference slow (to fill the queue).
 */
public final class ReluAbsSession implements ModelSession {
    private final long delayMillis;

    public ReluAbsSession() {
        this(0);
    }

    public ReluAbsSession(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    /** Served on loopback with free ports, as model {@code relu-abs}. */
    public static InferenceServer serve(ServeSettings settings, long delayMillis) throws Exception {
        return InferenceServer.start(new ServedModel("relu-abs", "1", "java", new ReluAbsSession(delayMillis)), settings);
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, 3}, List.of("batch", "")),
                new TensorSpec("ids", DType.INT64, new long[] {-1}, List.of("batch")));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(new TensorSpec("y", DType.FLOAT32, new long[] {-1, 3}, List.of("batch", "")),
                new TensorSpec("abs_ids", DType.INT64, new long[] {-1}, List.of("batch")));
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("engine", "plain Java");
    }

    @Override
    public Runner newRunner() {
        return new Runner() {
            @Override
            public PreparedInput prepare(Map<String, Tensor> inputs) {
                return new Prepared(inputs);
            }

            @Override
            public void run(PreparedInput input) throws BackendException {
                runAndFetch(input);
            }

            @Override
            public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new BackendException("interrupted");
                    }
                }
                Map<String, Tensor> in = ((Prepared) input).inputs;
                Tensor x = in.get("x");
                Tensor ids = in.get("ids");
                ByteBuffer y = Tensor.allocate(DType.FLOAT32, x.shape());
                ByteBuffer xb = x.data();
                while (xb.hasRemaining()) {
                    y.putFloat(Math.max(0f, xb.getFloat()));
                }
                ByteBuffer a = Tensor.allocate(DType.INT64, ids.shape());
                ByteBuffer ib = ids.data();
                while (ib.hasRemaining()) {
                    a.putLong(Math.abs(ib.getLong()));
                }
                Map<String, Tensor> out = new LinkedHashMap<>();
                out.put("y", new Tensor(DType.FLOAT32, x.shape(), y.flip()));
                out.put("abs_ids", new Tensor(DType.INT64, ids.shape(), a.flip()));
                return out;
            }

            @Override
            public void close() {
            }
        };
    }

    private record Prepared(Map<String, Tensor> inputs) implements PreparedInput {
    }

    @Override
    public void close() {
    }

    /** Host tensors, native order, for tests. */
    public static Tensor floats(long[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
        for (float v : values) {
            b.putFloat(v);
        }
        return new Tensor(DType.FLOAT32, shape, b.flip());
    }

    public static Tensor longs(long[] shape, long... values) {
        ByteBuffer b = ByteBuffer.allocateDirect(values.length * 8).order(ByteOrder.nativeOrder());
        for (long v : values) {
            b.putLong(v);
        }
        return new Tensor(DType.INT64, shape, b.flip());
    }
}
