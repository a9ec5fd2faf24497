package io.inferbench.adapter.djl;

import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Model paths and DJL's per-engine load options ({@code Model.load(path, prefix, options)}). */
final class DjlModels {
    private DjlModels() {
    }

    static String describe(ModelFormat format) {
        return switch (format) {
            case ONNX -> "ONNX files (.onnx)";
            case SAVED_MODEL -> "TensorFlow SavedModel directories";
            case TORCHSCRIPT -> "TorchScript files (.pt)";
            default -> format.toString();
        };
    }

    /**
     * Checks that {@code path} exists and has the engine's shape: a file for ONNX and TorchScript, a
     * directory with {@code saved_model.pb} for a SavedModel (its {@code saved_model.pb} also names it).
     *
     * @return the path to give DJL
     */
    static Path check(DjlEngine engine, Path path) throws BackendException {
        if (!Files.exists(path)) {
            throw new BackendException("model " + (engine == DjlEngine.TENSORFLOW ? "directory" : "file")
                    + " not found: " + path);
        }
        if (engine == DjlEngine.TENSORFLOW) {
            Path dir = Files.isRegularFile(path) && path.getFileName().toString().equals("saved_model.pb")
                    ? path.getParent() : path;
            if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve("saved_model.pb"))) {
                throw new BackendException("not a SavedModel directory (no saved_model.pb): " + path);
            }
            return dir.toAbsolutePath();
        }
        if (!Files.isRegularFile(path)) {
            throw new BackendException("model path is not a file (expected " + describe(engine.format()) + "): "
                    + path);
        }
        if (!Files.isReadable(path)) {
            throw new BackendException("model file is not readable: " + path);
        }
        return path.toAbsolutePath();
    }

    /** A name for DJL's Model: the file name without extension, or the SavedModel directory's name. */
    static String name(Path path) {
        String name = path.getFileName() == null ? "model" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The options DJL's engine reads in {@code Model.load}. */
    static Map<String, Object> loadOptions(DjlEngine engine, DjlOptions options, Device device) {
        Map<String, Object> m = new HashMap<>();
        switch (engine) {
            case ONNXRUNTIME -> {
                m.put("optLevel", options.ortOptLevel());
                if (options.intraOpThreads() > 0) {
                    m.put("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
                }
                if (options.interOpThreads() > 0) {
                    m.put("interOpNumThreads", Integer.toString(options.interOpThreads()));
                }
            }
            case TENSORFLOW -> {
                m.put("ConfigProto", tensorFlowConfig(options, device));
                m.put("SignatureDefKey", options.signature());
            }
            case PYTORCH -> {
                // libtorch's threads are per process: see DjlRuntime and DjlModelSession.
            }
        }
        return m;
    }

    /**
     * The session configuration, as the TensorFlow adapter builds it: threads, and the device by GPU
     * visibility (the CPU by hiding every GPU, so a GPU build places nothing on a GPU either).
     */
    static ConfigProto tensorFlowConfig(DjlOptions options, Device device) {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(options.intraOpThreads())
                .setInterOpParallelismThreads(options.interOpThreads())
                .setAllowSoftPlacement(true);
        if (device.kind() == Device.Kind.GPU) {
            config.setGpuOptions(GPUOptions.newBuilder()
                    .setVisibleDeviceList(Integer.toString(device.id()))
                    .setAllowGrowth(true));
        } else {
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }
}
