package io.inferbench.adapter.djl;

import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.inferbench.adapter.support.AbstractRunner;
import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker's DJL {@link Predictor} (Predictors are not thread-safe, so one per runner) with a no-op
 * translator: NDList in, NDList out, so what is timed is DJL's predict path around the engine's run.
 * Not thread-safe.
 */
final class DjlRunner extends AbstractRunner<DjlPreparedInput> {
    private final DjlModelSession session;
    private final Predictor<NDList, NDList> predictor;
    /** Owns this runner's prepared inputs, and the outputs the engines attach to the inputs' manager. */
    private final NDManager manager;

    DjlRunner(DjlModelSession session, ai.djl.Model model, Metrics metrics) {
        super(session, DjlPreparedInput.class);
        this.session = session;
        // No batchifier: the harness's batch is already the tensor's first dimension.
        this.predictor = model.newPredictor(new NoopTranslator(null));
        if (metrics != null) {
            predictor.setMetrics(metrics);
        }
        this.manager = model.getNDManager().newSubManager();
    }

    @Override
    protected DjlPreparedInput newInput(Map<String, Tensor> inputs) throws BackendException {
        DjlInputs.check(session.inputs(), inputs);
        try {
            return new DjlPreparedInput(this, DjlInputs.toNd(manager, session.inputs(), inputs));
        } catch (RuntimeException e) {
            throw new BackendException("cannot create DJL NDArrays: " + DjlErrors.oneLine(e), e);
        }
    }

    /** Predicts and releases the outputs (the engines copy them to host memory before returning). */
    @Override
    public void run(PreparedInput input) throws BackendException {
        NDList in = own(input).arrays();
        NDList out = predict(in);
        out.close();
    }

    @Override
    public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
        NDList in = own(input).arrays();
        NDList out = predict(in);
        try {
            List<TensorSpec> declared = session.outputs();
            Map<String, Tensor> result = new LinkedHashMap<>();
            for (int i = 0; i < out.size(); i++) {
                NDArray array = out.get(i);
                String name = array.getName() != null && !array.getName().isEmpty() ? array.getName()
                        : i < declared.size() ? declared.get(i).name() : "output" + i;
                result.put(name, toHost(name, array));
            }
            return Collections.unmodifiableMap(result);
        } finally {
            out.close();
        }
    }

    private NDList predict(NDList in) throws BackendException {
        try {
            return predictor.predict(in);
        } catch (TranslateException | RuntimeException e) {
            throw new BackendException(session.engine().displayName() + " predict failed: " + DjlErrors.oneLine(e), e);
        }
    }

    private static Tensor toHost(String name, NDArray array) throws BackendException {
        DType dtype = DjlTypes.fromDjl(array.getDataType());
        if (dtype == null) {
            throw new BackendException("output '" + name + "' has element type " + array.getDataType()
                    + ", which host tensors cannot hold");
        }
        ByteBuffer bytes = array.toByteBuffer();
        ByteBuffer copy = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.nativeOrder());
        copy.put(bytes.order(ByteOrder.nativeOrder())).flip();
        return new Tensor(dtype, array.getShape().getShape(), copy);
    }

    /** Closes the Predictor and every NDArray this runner made. */
    @Override
    protected void release() {
        predictor.close();
        manager.close();
    }
}
