package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.AbstractRunner;
import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Tensor;
import org.tensorflow.RawTensor;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.family.TType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link TfModelSession} for one worker thread. Not thread-safe (the SPI's contract);
 * {@code Session.run} is, so runners of one session run concurrently.
 */
final class TfRunner extends AbstractRunner<TfPreparedInput> {
    private final Session session;
    private final List<TfEndpoint> inputs;
    private final List<TfEndpoint> outputs;

    TfRunner(TfModelSession model, Session session) {
        super(model, TfPreparedInput.class);
        this.session = session;
        this.inputs = model.inputEndpoints();
        this.outputs = model.outputEndpoints();
    }

    @Override
    protected TfPreparedInput newInput(Map<String, Tensor> tensors) throws BackendException {
        TfInputs.check(inputs, tensors);
        return new TfPreparedInput(this, TfInputs.toTf(inputs, tensors));
    }

    /** Feeds the prepared tensors, fetches every output and releases them: the timed call. */
    @Override
    public void run(PreparedInput input) throws BackendException {
        TType[] tensors = own(input).tensors();
        try {
            // Outputs are in host memory (TensorFlow copies GPU results back) when run returns.
            execute(tensors).close();
        } catch (RuntimeException e) {
            throw TfErrors.onRun(e);
        }
    }

    @Override
    public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
        TType[] tensors = own(input).tensors();
        try (Result result = execute(tensors)) {
            Map<String, Tensor> host = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                String name = outputs.get(i).name();
                host.put(name, toHost(name, result.get(i).asRawTensor()));
            }
            return Collections.unmodifiableMap(host);
        } catch (RuntimeException e) {
            throw TfErrors.onRun(e);
        }
    }

    private Result execute(TType[] tensors) {
        Session.Runner runner = session.runner();
        for (int i = 0; i < tensors.length; i++) {
            runner.feed(inputs.get(i).output(), tensors[i]);
        }
        for (TfEndpoint output : outputs) {
            runner.fetch(output.output());
        }
        return runner.run();
    }

    /** Copies a TensorFlow output into a host tensor. */
    private static Tensor toHost(String name, RawTensor raw) throws BackendException {
        DType dtype = TfTypes.dtype(raw.dataType());
        if (dtype == null || dtype == DType.STRING) {
            throw new BackendException("output '" + name + "' has element type " + raw.dataType()
                    + ", which host tensors cannot hold");
        }
        byte[] bytes = new byte[Math.toIntExact(raw.numBytes())];
        raw.data().read(bytes);
        long[] shape = TfTypes.dims(raw.shape());
        return new Tensor(dtype, shape == null ? new long[0] : shape,
                ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
    }
}
