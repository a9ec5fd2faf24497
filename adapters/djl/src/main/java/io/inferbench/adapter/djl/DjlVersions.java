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
                m.put("onnxruntime-jar", ortJar());
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

    /**
     * What is known without loading the engine: the versions the engine jar was released for (for a
     * backend that cannot load in this JVM, e.g. beside another backend's ONNX Runtime or TensorFlow Java).
     */
    static Map<String, String> withoutEngine(DjlEngine engine) {
        Map<String, String> m = new LinkedHashMap<>();
        String file = engine.djlName().toLowerCase(java.util.Locale.ROOT) + "-engine.properties";
        String key = engine.djlName().toLowerCase(java.util.Locale.ROOT) + "_version";
        String v = property(file, key);
        if (v != null && engine != DjlEngine.ONNXRUNTIME) {
            // DJL's OnnxRuntime engine names the release it was built against, not the one on the class path.
            m.put(engine == DjlEngine.TENSORFLOW ? "tensorflow" : "libtorch", v + " (from " + file + ")");
        }
        if (engine == DjlEngine.ONNXRUNTIME) {
            String jar = ortJar();
            // The official jar's version is its native library's (asking the library could create the
            // JVM's one OrtEnvironment, which DJL insists on creating itself).
            m.put("onnxruntime", jar.substring(jar.lastIndexOf(':') + 1) + " (jar)");
            m.put("onnxruntime-jar", jar);
        }
        m.put("djl-engine-jar", engine.artifact() + ":" + engineJarVersion(engine));
        return m;
    }

    /**
     * The engine jar's version: {@code djl_version} of its properties file where it has one (PyTorch's
     * 0.35.1, see the root pom), else its manifest's Specification-Version (OnnxRuntime has no file).
     */
    static String engineJarVersion(DjlEngine engine) {
        String v = property(engine.djlName().toLowerCase(java.util.Locale.ROOT) + "-engine.properties", "djl_version");
        if (v == null) {
            try {
                Package p = switch (engine) {
                    case ONNXRUNTIME -> ai.djl.onnxruntime.engine.OrtEngine.class.getPackage();
                    case TENSORFLOW -> ai.djl.tensorflow.engine.TfEngine.class.getPackage();
                    case PYTORCH -> ai.djl.pytorch.engine.PtEngine.class.getPackage();
                };
                v = p == null ? null : p.getSpecificationVersion();
            } catch (RuntimeException | LinkageError e) {
                v = null;
            }
        }
        return v == null ? "unknown" : v;
    }

    /** The ONNX Runtime jar: its manifest names the version (the jar has no pom.properties); GPU build or not. */
    static String ortJar() {
        try {
            Package p = ai.onnxruntime.OrtEnvironment.class.getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            boolean gpu = DjlVersions.class.getClassLoader().getResource("ai/onnxruntime/native/linux-x64/"
                    + "libonnxruntime_providers_cuda.so") != null;
            return "com.microsoft.onnxruntime:" + (gpu ? "onnxruntime_gpu" : "onnxruntime") + ":"
                    + (v == null ? "unknown" : v);
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
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
