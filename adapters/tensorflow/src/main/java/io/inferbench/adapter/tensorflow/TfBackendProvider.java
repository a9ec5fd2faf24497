package io.inferbench.adapter.tensorflow;

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
 * The TensorFlow Java backend ({@code tensorflow}): opens SavedModel directories, frozen GraphDefs
 * and, through the onnx-to-tensorflow converter, ONNX files; on the CPU, or on an NVIDIA GPU when
 * built with the {@code gpu} Maven profile.
 *
 * <p>Construction is free; TensorFlow's natives load on the first {@link #info()} or {@link #open}
 * call, from JavaCPP's cache inside the InferBench cache (see {@code TfNatives}).
 */
public final class TfBackendProvider implements BackendProvider {
    static final String NO_GPU_NOTE = "no GPU visible to TensorFlow; GPU needs the `gpu` Maven profile"
            + " (tensorflow-core-native linux-x86_64-gpu) and CUDA";
    static final String TF_JAVA_VERSION = "1.1.0";

    private final TfModelSession.ConverterFactory converter;

    /** For {@link java.util.ServiceLoader}. */
    public TfBackendProvider() {
        this(TfConversion::defaultConverter);
    }

    /** With another ONNX converter (tests). */
    TfBackendProvider(TfModelSession.ConverterFactory converter) {
        this.converter = converter;
    }

    @Override
    public String name() {
        return "tensorflow";
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.SAVED_MODEL, ModelFormat.GRAPH_DEF, ModelFormat.ONNX);
    }

    @Override
    public List<OptionSpec> options() {
        return TfOptions.SPECS;
    }

    /** oneDNN and CPU XLA are switched by environment variables TensorFlow reads when it loads. */
    @Override
    public java.util.Map<String, String> environment(java.util.Map<String, Object> options) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("TF_ENABLE_ONEDNN_OPTS", Boolean.FALSE.equals(options.get("onednn")) ? "0" : "1");
        if (Boolean.TRUE.equals(options.get("xla"))) {
            env.put("TF_XLA_FLAGS", "--tf_xla_cpu_global_jit");
        }
        return env;
    }

    @Override
    public BackendInfo info() {
        List<String> notes = new ArrayList<>();
        DeviceInfo cpu = ProcInfo.cpu();
        try {
            TfRuntime runtime = TfRuntime.get();
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put("tensorflow", runtime.version());
            versions.put("tensorflow-java", "org.tensorflow:tensorflow-core-api:" + jarVersion());
            List<DeviceInfo> devices = new ArrayList<>();
            devices.add(cpu);
            List<DeviceInfo> gpus = TfDevices.gpus(runtime);
            if (gpus.isEmpty()) {
                notes.add(NO_GPU_NOTE);
            }
            devices.addAll(gpus);
            if (!runtime.devicesProblem().isEmpty()) {
                notes.add(runtime.devicesProblem());
            }
            if (!runtime.natives().note().isEmpty()) {
                notes.add(runtime.natives().note());
            }
            notes.add("oneDNN " + (TfOptions.effectiveOneDnn(System::getenv) ? "on" : "off") + " in this JVM ("
                    + TfOptions.ONEDNN_ENV + (System.getenv(TfOptions.ONEDNN_ENV) == null ? " not set"
                    : "=" + System.getenv(TfOptions.ONEDNN_ENV)) + ")");
            List<String> engines = gpus.isEmpty() ? List.of("CPU") : List.of("CPU", "GPU");
            return new BackendInfo(name(), "TensorFlow", runtime.version(), versions, devices, engines, notes);
        } catch (BackendException | RuntimeException | LinkageError e) {
            // info() never throws: report the failure as a note (LinkageError: natives or jar missing).
            notes.add(TfErrors.oneLine(e));
            return new BackendInfo(name(), "TensorFlow", "unknown", Map.of(),
                    List.of(new DeviceInfo(cpu.device(), cpu.description(), false, "tensorflow did not load")),
                    List.of(), notes);
        }
    }

    /** Version of the TensorFlow Java jar, from its manifest when it has one. */
    private static String jarVersion() {
        Package p = org.tensorflow.TensorFlow.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? TF_JAVA_VERSION : v;
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        return TfModelSession.open(TfRuntime.get(), request, converter, System::getenv);
    }

    @Override
    public String toString() {
        return name();
    }
}
