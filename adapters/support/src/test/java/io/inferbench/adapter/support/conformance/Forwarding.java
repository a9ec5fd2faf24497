package io.inferbench.adapter.support.conformance;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.util.List;
import java.util.Map;

/** Provider, session and runner that pass every call on, for {@link Mutants} to break one of them. */
final class Forwarding {
    private Forwarding() {
    }

    static class Provider implements BackendProvider {
        final BackendProvider delegate = new FakeBackend();

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public List<ModelFormat> formats() {
            return delegate.formats();
        }

        @Override
        public List<OptionSpec> options() {
            return delegate.options();
        }

        @Override
        public BackendInfo info() {
            return delegate.info();
        }

        @Override
        public ModelSession open(ModelLoadRequest request) throws BackendException {
            return session(delegate.open(request));
        }

        /** The session to hand out; override to break it. */
        ModelSession session(ModelSession opened) {
            return new Session(opened);
        }
    }

    static class Session implements ModelSession {
        final ModelSession delegate;

        Session(ModelSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<TensorSpec> inputs() {
            return delegate.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return delegate.outputs();
        }

        @Override
        public Map<String, String> properties() {
            return delegate.properties();
        }

        @Override
        public Runner newRunner() throws BackendException {
            return runner(delegate.newRunner());
        }

        /** The runner to hand out; override to break it. */
        Runner runner(Runner made) {
            return new ForwardingRunner(made);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    static class ForwardingRunner implements Runner {
        final Runner delegate;

        ForwardingRunner(Runner delegate) {
            this.delegate = delegate;
        }

        @Override
        public PreparedInput prepare(Map<String, Tensor> inputs) throws BackendException {
            return delegate.prepare(inputs);
        }

        @Override
        public void run(PreparedInput input) throws BackendException {
            delegate.run(input);
        }

        @Override
        public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
            return delegate.runAndFetch(input);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
