package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtProvider;
import io.inferbench.adapter.support.ProcInfo;
import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.UnsupportedModelException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX Runtime backend ({@code onnxruntime}): opens {@code .onnx} files on the CPU, or on an
 * NVIDIA GPU when built with the {@code gpu} Maven profile.
 *
 * <p>Construction is free; the native libraries load on the first {@link #info()} or {@link #open}
 * call, from the InferBench cache (see {@code OrtNatives}).
 */
public final class OrtBackendProvider implements BackendProvider {
    static final String NO_CUDA_NOTE = "CUDA execution provider not in this build (onnxruntime CPU artifact);"
            + " GPU needs the `gpu` Maven profile";

    /** For {@link java.util.ServiceLoader}. */
    public OrtBackendProvider() {
    }

    @Override
    public String name() {
        return "onnxruntime";
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.ONNX);
    }

    @Override
    public List<OptionSpec> options() {
        return OrtOptions.SPECS;
    }

    @Override
    public BackendInfo info() {
        List<String> notes = new ArrayList<>();
        DeviceInfo cpu = ProcInfo.cpu();
        try {
            OrtRuntime runtime = OrtRuntime.get();
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put("onnxruntime", runtime.version());
            versions.put("onnxruntime-jar", "com.microsoft.onnxruntime:" + OrtNatives.artifact() + ":"
                    + OrtNatives.jarVersion());
            List<DeviceInfo> devices = new ArrayList<>();
            devices.add(cpu);
            if (runtime.hasProvider(OrtProvider.CUDA)) {
                devices.addAll(OrtDevices.nvidiaGpus());
            } else {
                notes.add(NO_CUDA_NOTE);
            }
            addIfSet(notes, runtime.natives().note());
            return new BackendInfo(name(), "ONNX Runtime", runtime.version(), versions, devices,
                    runtime.providerNames(), notes);
        } catch (BackendException | RuntimeException | LinkageError e) {
            // info() never throws: report the failure as a note (LinkageError: natives or jar missing).
            notes.add(OrtErrors.oneLine(e));
            return new BackendInfo(name(), "ONNX Runtime", "unknown", Map.of(),
                    List.of(new DeviceInfo(cpu.device(), cpu.description(), false, "onnxruntime did not load")),
                    List.of(), notes);
        }
    }

    private static void addIfSet(List<String> notes, String note) {
        if (!note.isEmpty()) {
            notes.add(note);
        }
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        if (request.format() != ModelFormat.ONNX) {
            throw new UnsupportedModelException("onnxruntime opens ONNX models only, not " + request.format());
        }
        return OrtModelSession.open(OrtRuntime.get(), request);
    }

    @Override
    public String toString() {
        return name();
    }
}
