package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.PreparedInputs;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an {@link OrtModelSession} for one worker thread. Not thread-safe (the SPI's contract);
 * the underlying {@code OrtSession.run} is, so runners of one session run concurrently.
 */
final class OrtRunner implements Runner {
    private final OrtModelSession model;
    private final OrtSession session;
    private final PreparedInputs<OrtPreparedInput> prepared = new PreparedInputs<>(this, OrtPreparedInput.class);
    private volatile boolean closed;

    OrtRunner(OrtModelSession model, OrtSession session) {
        this.model = model;
        this.session = session;
    }

    @Override
    public PreparedInput prepare(Map<String, Tensor> inputs) throws BackendException {
        ensureOpen();
        OrtInputs.check(model.inputs(), inputs);
        OrtPreparedInput input = new OrtPreparedInput(this,
                OrtInputs.toOrt(model.runtime().environment(), model.inputs(), inputs));
        prepared.add(input);
        return input;
    }

    /**
     * Runs the model and releases the outputs at once. With the CUDA provider the outputs are copied
     * to host memory before {@code OrtSession.run} returns, so no extra synchronisation is needed.
     */
    @Override
    public void run(PreparedInput input) throws BackendException {
        Map<String, OnnxTensor> tensors = own(input).tensors();
        try {
            session.run(tensors).close();
        } catch (OrtException e) {
            throw OrtErrors.onRun(e);
        }
    }

    @Override
    public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
        Map<String, OnnxTensor> tensors = own(input).tensors();
        try (OrtSession.Result result = session.run(tensors)) {
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> output : result) {
                outputs.put(output.getKey(), toHost(output.getKey(), output.getValue()));
            }
            return Collections.unmodifiableMap(outputs);
        } catch (OrtException e) {
            throw OrtErrors.onRun(e);
        }
    }

    /** Copies an ONNX Runtime output into a host tensor. */
    private static Tensor toHost(String name, OnnxValue value) throws BackendException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new BackendException("output '" + name + "' is a " + value.getType() + ", not a tensor");
        }
        TensorInfo info = tensor.getInfo();
        DType dtype = OrtTypes.dtype(info.onnxType);
        if (dtype == null || dtype == DType.STRING) {
            throw new BackendException("output '" + name + "' has element type " + info.onnxType
                    + ", which host tensors cannot hold");
        }
        // getByteBuffer() returns a copy, so the host tensor outlives the ONNX Runtime result.
        ByteBuffer data = tensor.getByteBuffer().order(ByteOrder.nativeOrder());
        return new Tensor(dtype, info.getShape(), data);
    }

    private OrtPreparedInput own(PreparedInput input) throws BackendException {
        ensureOpen();
        return prepared.own(input);
    }

    private void ensureOpen() throws BackendException {
        if (closed) {
            throw new BackendException("runner is closed");
        }
        model.ensureOpen();
    }

    /** Releases every input this runner prepared. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        prepared.closeAll();
        model.forget(this);
    }
}
