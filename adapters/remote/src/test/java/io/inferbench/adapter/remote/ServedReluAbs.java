package io.inferbench.adapter.remote;

import io.inferbench.adapter.support.conformance.BackendConformanceTest;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.Tensor;
import io.inferbench.serve.InferenceServer;
import io.inferbench.serve.ReluAbsSession;
import io.inferbench.serve.ServeSettings;
import io.inferbench.testsupport.ReluAbsModel;
import org.junit.jupiter.api.AfterAll;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The conformance suite against {@code inferbench serve}'s server, started in-process on loopback
 * (free ports) serving the Relu/Abs model in plain Java; each subclass says which backend and options.
 */
abstract class ServedReluAbs extends BackendConformanceTest {
    private InferenceServer server;

    /** The options of this backend for {@code server}. */
    abstract Map<String, Object> options(InferenceServer server);

    @Override
    protected ModelLoadRequest request(Path dir) throws Exception {
        server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort().withWorkers(2), 0);
        Map<String, Object> options = new HashMap<>(options(server));
        options.put("model-name", "relu-abs");
        return new ModelLoadRequest(null, ModelFormat.NONE, Device.CPU, options);
    }

    @AfterAll
    final void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Map<String, Tensor> inputs(int seed) {
        return ReluAbsModel.inputs(seed);
    }

    @Override
    protected Map<String, float[]> expected(Map<String, Tensor> inputs) {
        return ReluAbsModel.expected(inputs);
    }
}
