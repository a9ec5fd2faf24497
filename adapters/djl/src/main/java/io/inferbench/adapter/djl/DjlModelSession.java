package io.inferbench.adapter.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.metric.Metrics;
import io.inferbench.adapter.support.AbstractModelSession;
import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.UnsupportedModelException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model loaded into a DJL {@link Model} on one engine. Thread-safe: each worker gets its own
 * {@link DjlRunner} with its own Predictor.
 */
final class DjlModelSession extends AbstractModelSession {
    private final DjlEngine engine;
    private final Model model;
    private final boolean recordMetrics;
    /** Each runner's DJL metrics, kept after the runner closes so the session can still report them. */
    private final List<Metrics> metrics = new CopyOnWriteArrayList<>();

    private DjlModelSession(DjlEngine engine, Model model, DjlSignatures signatures, Map<String, String> properties,
                            boolean recordMetrics) {
        super(signatures.inputs(), signatures.outputs(), properties);
        this.engine = engine;
        this.model = model;
        this.recordMetrics = recordMetrics;
    }

    /**
     * Loads the model of {@code request} with DJL's {@code engine}. Blocking.
     *
     * @throws UnsupportedModelException  if the format is not the engine's
     * @throws DeviceUnavailableException if a GPU is requested and the engine sees none (or not that one)
     * @throws BackendException           if the model is missing or broken, or the options are rejected
     */
    static DjlModelSession open(DjlEngine engine, ModelLoadRequest request) throws BackendException {
        if (request.format() != engine.format()) {
            throw new UnsupportedModelException(engine.backendName() + " opens " + DjlModels.describe(engine.format())
                    + " only, not " + request.format());
        }
        DjlOptions options = DjlOptions.from(request, engine);
        Path path = DjlModels.check(engine, request.modelPath());
        Engine djl = DjlRuntime.engine(engine, options);
        ai.djl.Device device = device(engine, djl, request.device());
        Model model = Model.newInstance(DjlModels.name(path), device, engine.djlName());
        try {
            model.load(path, null, DjlModels.loadOptions(engine, options, request.device()));
            DjlSignatures signatures = switch (engine) {
                case ONNXRUNTIME -> DjlSignatures.onnx(model.getBlock());
                case TENSORFLOW -> DjlSignatures.savedModel(model.getBlock(), options.signature());
                case PYTORCH -> pytorchSignatures(path, options);
            };
            if (engine == DjlEngine.PYTORCH && options.intraOpThreads() > 0) {
                // libtorch's intra-op pool can be resized at any time (its inter-op pool cannot).
                ai.djl.pytorch.jni.JniUtils.setNumThreads(options.intraOpThreads());
            }
            Map<String, String> props = describe(engine, djl, options, device, path);
            return new DjlModelSession(engine, model, signatures, props, options.metrics());
        } catch (BackendException e) {
            model.close();
            throw e;
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new BackendException("cannot load " + path + " with " + engine.displayName() + ": "
                    + DjlErrors.oneLine(e), e);
        }
    }

    private static DjlSignatures pytorchSignatures(Path path, DjlOptions options) throws BackendException {
        if (options.inputSpecs().isEmpty()) {
            throw new BackendException("a TorchScript file does not declare its inputs: set the backend option "
                    + DjlOptions.INPUT_SPECS.name() + " (e.g. x:float32[-1,3,48,192]) for " + path);
        }
        return new DjlSignatures(options.inputSpecs(), List.of());
    }

    private static ai.djl.Device device(DjlEngine engine, Engine djl, Device device) throws DeviceUnavailableException {
        if (device.kind() != Device.Kind.GPU) {
            return ai.djl.Device.cpu();
        }
        int gpus = djl.getGpuCount();
        if (gpus == 0) {
            throw new DeviceUnavailableException("no GPU found: " + engine.displayName() + " sees no CUDA GPU"
                    + DjlDevices.gpuHint(engine));
        }
        if (device.id() >= gpus) {
            throw new DeviceUnavailableException("no GPU found: " + device + " requested but " + engine.displayName()
                    + " sees " + gpus + " GPU" + (gpus == 1 ? "" : "s"));
        }
        return ai.djl.Device.gpu(device.id());
    }

    private static Map<String, String> describe(DjlEngine engine, Engine djl, DjlOptions options,
                                                ai.djl.Device device, Path path) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("djl-version", Engine.getDjlVersion());
        // DJL's OnnxRuntime engine reports the ONNX Runtime it was built against (1.21.1), not the one it runs.
        m.put("djl-engine", engine == DjlEngine.ONNXRUNTIME ? engine.djlName() : engine.djlName() + " " + djl.getVersion());
        m.putAll(DjlVersions.natives(engine));
        m.put("device", device.toString());
        m.putAll(options.describe(engine));
        DjlRuntime.loadedWith(engine).forEach((k, v) -> m.put("engine-property " + k, v));
        if (engine == DjlEngine.PYTORCH) {
            m.put("pytorch-threads", "intra-op " + ai.djl.pytorch.jni.JniUtils.getNumThreads() + ", inter-op "
                    + ai.djl.pytorch.jni.JniUtils.getNumInteropThreads());
        }
        if (engine == DjlEngine.TENSORFLOW) {
            String env = System.getenv("TF_ENABLE_ONEDNN_OPTS");
            m.put("onednn-env", env == null ? "TF_ENABLE_ONEDNN_OPTS not set (tensorflow default)"
                    : "TF_ENABLE_ONEDNN_OPTS=" + env);
        }
        m.put("djl-offline", System.getProperty(DjlRuntime.OFFLINE_PROPERTY));
        m.put("djl-cache-dir", DjlRuntime.cacheNote());
        m.put("model-path", path.toString());
        return Collections.unmodifiableMap(m);
    }

    DjlEngine engine() {
        return engine;
    }

    /** The load-time settings, plus DJL's own pre/infer/post split when {@code djl-metrics} is on. */
    @Override
    public Map<String, String> properties() {
        if (!recordMetrics) {
            return super.properties();
        }
        Map<String, String> m = new LinkedHashMap<>(super.properties());
        m.putAll(DjlMetrics.summary(metrics));
        return Collections.unmodifiableMap(m);
    }

    @Override
    protected DjlRunner createRunner() throws BackendException {
        Metrics runnerMetrics = null;
        if (recordMetrics) {
            runnerMetrics = new Metrics();
            metrics.add(runnerMetrics);
        }
        try {
            return new DjlRunner(this, model, runnerMetrics);
        } catch (RuntimeException e) {
            throw new BackendException("cannot create a DJL Predictor: " + DjlErrors.oneLine(e), e);
        }
    }

    /** Closes the model, once every runner has closed (the harness stopped the workers first). */
    @Override
    protected void release() {
        model.close();
    }
}
