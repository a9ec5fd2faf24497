package io.inferbench.adapter.djl;

import ai.djl.engine.Engine;
import io.inferbench.adapter.support.ProcInfo;
import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DJL engine as an InferBench backend. One subclass per engine, each found by
 * {@link java.util.ServiceLoader}: {@code djl-onnxruntime} (ONNX), {@code djl-tensorflow} (SavedModel)
 * and {@code djl-pytorch} (TorchScript). Construction is free; the engine's natives load on the first
 * {@link #info()} or {@link #open} call, from DJL's cache inside the InferBench cache, never downloaded.
 */
public abstract sealed class DjlBackendProvider implements BackendProvider
        permits DjlOnnxRuntimeProvider, DjlTensorFlowProvider, DjlPyTorchProvider {
    private final DjlEngine engine;

    DjlBackendProvider(DjlEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.backendName();
    }

    /**
     * The engine's one format. djl-tensorflow lists SavedModel only, not ONNX: the harness converts an
     * ONNX model for it (in a separate JVM, since the converter's TensorFlow Java classes clash with DJL's).
     */
    @Override
    public List<ModelFormat> formats() {
        return List.of(engine.format());
    }

    @Override
    public List<OptionSpec> options() {
        return DjlOptions.specs(engine);
    }

    @Override
    public Map<String, String> environment(Map<String, Object> options) {
        return DjlOptions.environment(engine, options);
    }

    @Override
    public BackendInfo info() {
        List<String> notes = new ArrayList<>();
        DeviceInfo cpu = ProcInfo.cpu();
        Map<String, String> versions = new LinkedHashMap<>();
        try {
            versions.put("djl", Engine.getDjlVersion());
            Engine djl = DjlRuntime.engine(engine, DjlOptions.from(new ModelLoadRequest(java.nio.file.Path.of("."),
                    engine.format(), io.inferbench.api.Device.CPU, Map.of()), engine));
            versions.putAll(DjlVersions.natives(engine));
            List<DeviceInfo> devices = new ArrayList<>();
            devices.add(cpu);
            List<DeviceInfo> gpus = DjlDevices.gpus(djl);
            if (gpus.isEmpty()) {
                notes.add("no GPU visible to DJL " + engine.djlName() + DjlDevices.gpuHint(engine));
            }
            devices.addAll(gpus);
            notes.add("offline (ai.djl.offline=true); DJL cache " + DjlRuntime.cacheNote());
            String version = versions.getOrDefault(nativeKey(), djl.getVersion());
            return new BackendInfo(name(), engine.displayName(), version, versions, devices,
                    gpus.isEmpty() ? List.of("CPU") : List.of("CPU", "GPU"), notes);
        } catch (BackendException | RuntimeException | LinkageError e) {
            // info() never throws: report the failure as a note, and the versions known without the engine.
            notes.add(DjlErrors.oneLine(e));
            versions.putAll(DjlVersions.withoutEngine(engine));
            return new BackendInfo(name(), engine.displayName(), versions.getOrDefault(nativeKey(), "unknown"),
                    versions, List.of(new DeviceInfo(cpu.device(), cpu.description(), false, "DJL "
                    + engine.djlName() + " did not load in this JVM")), List.of(), notes);
        }
    }

    private String nativeKey() {
        return switch (engine) {
            case ONNXRUNTIME -> "onnxruntime";
            case TENSORFLOW -> "tensorflow";
            case PYTORCH -> "libtorch";
        };
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        return DjlModelSession.open(engine, request);
    }

    @Override
    public String toString() {
        return name();
    }
}
