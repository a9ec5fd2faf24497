package io.inferbench.adapter.djl;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Versions of what a DJL engine actually runs. DJL's own {@code Engine.getVersion()} is not always the
 * native library's: DJL's OnnxRuntime engine returns the ONNX Runtime it was built against (1.21.1)
 * whatever runtime is on the class path, so this asks the libraries themselves.
 */
final class DjlVersions {
    private DjlVersions() {
    }

    /** Native library and jar versions of a loaded engine, for session properties and info(). */
    static Map<String, String> natives(DjlEngine engine) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (engine) {
            case ONNXRUNTIME -> {
                m.put("onnxruntime", safe(() -> ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion()));
                m.put("onnxruntime-jar", "com.microsoft.onnxruntime:" + jar("com.microsoft.onnxruntime", "onnxruntime_gpu",
                        "onnxruntime"));
            }
            case TENSORFLOW -> {
                m.put("tensorflow", safe(org.tensorflow.TensorFlow::version));
                m.put("tensorflow-natives", "org.tensorflow:tensorflow-core-native:" + jar("org.tensorflow",
                        "tensorflow-core-native", null) + " (TensorFlow Java classes bundled in ai.djl.tensorflow:"
                        + "tensorflow-api)");
            }
            case PYTORCH -> {
                m.put("libtorch", safe(ai.djl.pytorch.jni.LibUtils::getVersion));
                m.put("libtorch-path", safe(ai.djl.pytorch.jni.LibUtils::getLibtorchPath));
            }
        }
        m.put("djl-engine-jar", engine.artifact() + ":" + engineJarVersion(engine));
        return m;
    }

    /** The engine jar's {@code djl_version} (0.35.1 for PyTorch: see the root pom). */
    static String engineJarVersion(DjlEngine engine) {
        String file = switch (engine) {
            case ONNXRUNTIME -> "onnxruntime-engine.properties";
            case TENSORFLOW -> "tensorflow-engine.properties";
            case PYTORCH -> "pytorch-engine.properties";
        };
        String v = property(file, "djl_version");
        return v == null ? "unknown" : v;
    }

    /** A jar's version from its Maven pom.properties; tries {@code artifactId} then {@code fallback}. */
    static String jar(String groupId, String artifactId, String fallback) {
        String v = property("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties", "version");
        if (v == null && fallback != null) {
            v = property("META-INF/maven/" + groupId + "/" + fallback + "/pom.properties", "version");
        }
        return v == null ? "unknown" : v;
    }

    private static String property(String resource, String key) {
        try (InputStream in = DjlVersions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String safe(java.util.function.Supplier<String> version) {
        try {
            String v = version.get();
            return v == null ? "unknown" : v;
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + DjlErrors.oneLine(e) + ")";
        }
    }
}
