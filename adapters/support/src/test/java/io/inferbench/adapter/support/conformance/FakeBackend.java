package io.inferbench.adapter.support.conformance;

import io.inferbench.adapter.support.AbstractModelSession;
import io.inferbench.adapter.support.AbstractRunner;
import io.inferbench.adapter.support.InputCheck;
import io.inferbench.adapter.support.OptionKey;
import io.inferbench.adapter.support.OwnedInput;
import io.inferbench.adapter.support.ProcInfo;
import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.util.List;
import java.util.Map;

/**
 * A backend in plain Java, built on the adapter support classes as the real adapters are: its "model"
 * takes {@code x} float32 [batch, 3] and returns {@code y = 2x + 1}. It conforms; the broken variants in
 * {@link Mutants} wrap it to break one property each.
 */
class FakeBackend implements BackendProvider {
    static final OptionKey<Integer> THREADS = OptionKey.threads("threads", "ignored; here to have an option");
    static final TensorSpec X = new TensorSpec("x", DType.FLOAT32, new long[] {-1, 3}, List.of("batch", ""));
    static final TensorSpec Y = new TensorSpec("y", DType.FLOAT32, new long[] {-1, 3}, List.of("batch", ""));

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.NONE);
    }

    @Override
    public List<OptionSpec> options() {
        return OptionKey.specs(THREADS);
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo(name(), "Fake", "1.0", Map.of(), List.of(ProcInfo.cpu()), List.of("CPU"), List.of());
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        if (request.device().kind() == Device.Kind.GPU) {
            throw new DeviceUnavailableException("no GPU found: the fake backend runs on the CPU only");
        }
        try {
            THREADS.read(request);
        } catch (IllegalArgumentException e) {
            throw new BackendException("invalid fake option: " + e.getMessage());
        }
        return new Session();
    }

    /** y = 2x + 1. */
    static float[] compute(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i] + 1;
        }
        return y;
    }

    static final class Session extends AbstractModelSession {
        Session() {
            super(List.of(X), List.of(Y), Map.of("device", "cpu"));
        }

        @Override
        protected Runner createRunner() {
            return new Runner(this);
        }

        @Override
        protected void release() {
        }
    }

    static final class Runner extends AbstractRunner<Input> {
        Runner(Session session) {
            super(session, Input.class);
        }

        @Override
        protected Input newInput(Map<String, Tensor> inputs) throws BackendException {
            InputCheck.check(List.of(X), inputs, InputCheck::rankAndFixedDims);
            Tensor x = inputs.get("x");
            return new Input(this, x.shape(), x.toFloatArray());
        }

        @Override
        public void run(PreparedInput input) throws BackendException {
            compute(own(input).values);
        }

        @Override
        public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
            Input in = own(input);
            return Map.of("y", tensor(in.shape, compute(in.values)));
        }
    }

    static Tensor tensor(long[] shape, float[] values) {
        java.nio.ByteBuffer b = Tensor.allocate(DType.FLOAT32, shape);
        for (float v : values) {
            b.putFloat(v);
        }
        return new Tensor(DType.FLOAT32, shape, b.flip());
    }

    static final class Input extends OwnedInput<Runner> {
        final long[] shape;
        final float[] values;

        Input(Runner owner, long[] shape, float[] values) {
            super(owner);
            this.shape = shape;
            this.values = values;
        }

        @Override
        protected void release() {
        }
    }
}
