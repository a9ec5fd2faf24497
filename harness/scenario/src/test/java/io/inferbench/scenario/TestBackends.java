package io.inferbench.scenario;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.synthetic.SyntheticBackendProvider;
import java.util.List;
import java.util.Map;

/**
 * Backends for scenario tests: the real synthetic backend, and {@code fake}, which loads ONNX and
 * declares two options shaped like ONNX Runtime's (so these tests do not depend on the adapter).
 */
final class TestBackends {
    private TestBackends() {
    }

    static Map<String, BackendProvider> all() {
        return Map.of(SyntheticBackendProvider.NAME, new SyntheticBackendProvider(), FakeBackendProvider.NAME,
                new FakeBackendProvider());
    }

    static ScenarioParser parser() {
        return new ScenarioParser(all());
    }

    /** Loads ONNX models (never really: {@link #open} throws); options as onnxruntime names them. */
    static final class FakeBackendProvider implements BackendProvider {
        static final String NAME = "fake";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<ModelFormat> formats() {
            return List.of(ModelFormat.ONNX);
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(
                    OptionSpec.integer("intra-op-threads", 0L, 0, "threads inside one operator; 0 = default"),
                    OptionSpec.choice("graph-optimization", "ALL", List.of("NO", "BASIC", "EXTENDED", "ALL"),
                            "graph optimization level"));
        }

        @Override
        public BackendInfo info() {
            return new BackendInfo(NAME, "Fake", "0", Map.of(),
                    List.of(new DeviceInfo(Device.CPU, "fake", true, "")), List.of(), List.of());
        }

        @Override
        public ModelSession open(ModelLoadRequest request) throws BackendException {
            throw new BackendException("the fake backend loads nothing");
        }
    }
}
