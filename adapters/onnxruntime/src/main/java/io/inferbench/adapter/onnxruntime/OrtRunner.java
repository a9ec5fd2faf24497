package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.inferbench.adapter.support.AbstractRunner;
import io.inferbench.adapter.support.InputCheck;
import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.PreparedInput;
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
final class OrtRunner extends AbstractRunner<OrtPreparedInput> {
    private final OrtModelSession model;
    private final OrtSession session;

    OrtRunner(OrtModelSession model, OrtSession session) {
        super(model, OrtPreparedInput.class);
        this.model = model;
        this.session = session;
    }

    @Override
    protected OrtPreparedInput newInput(Map<String, Tensor> inputs) throws BackendException {
        InputCheck.check(model.inputs(), inputs, InputCheck::rankAndFixedDims);
        return new OrtPreparedInput(this, OrtInputs.toOrt(model.runtime().environment(), model.inputs(), inputs));
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
        DType dtype = OnnxDataTypes.dtype(info.onnxType.name());
        if (dtype == null || dtype == DType.STRING) {
            throw new BackendException("output '" + name + "' has element type " + info.onnxType
                    + ", which host tensors cannot hold");
        }
        // getByteBuffer() returns a copy, so the host tensor outlives the ONNX Runtime result.
        ByteBuffer data = tensor.getByteBuffer().order(ByteOrder.nativeOrder());
        return new Tensor(dtype, info.getShape(), data);
    }
}
