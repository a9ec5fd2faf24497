package io.inferbench.adapter.djl;

import ai.djl.engine.Engine;
import io.inferbench.api.BackendException;
import io.inferbench.api.CacheDirectory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DJL's process-wide settings, made once per JVM before any engine loads, and the engines themselves.
 *
 * <p>Offline always: {@code ai.djl.offline=true}, and DJL's cache ({@code DJL_CACHE_DIR}, where engines
 * extract their natives) under the InferBench cache, so nothing is downloaded and nothing lands in
 * {@code ~/.djl.ai}. TensorFlow's natives come through JavaCPP, whose cache is the InferBench cache's
 * {@code javacpp} folder, as for the TensorFlow adapter. DJL reads the
 * environment before system properties, so a user's {@code DJL_CACHE_DIR} (variable or property) is
 * respected and reported,
 * and an inherited {@code DJL_OFFLINE} other than {@code true} is refused.
 */
final class DjlRuntime {
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String OFFLINE_ENV = "DJL_OFFLINE";
    static final String CACHE_DIR = "DJL_CACHE_DIR";
    static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    /** Stops DJL's OnnxRuntime engine from loading PyTorch as its helper engine for NDArray operations. */
    static final String ORT_NO_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

    private static boolean configured;
    private static Path cacheDir;
    private static final Map<DjlEngine, Map<String, String>> LOADED_WITH = new EnumMap<>(DjlEngine.class);

    private DjlRuntime() {
    }

    /**
     * Sets DJL's process-wide properties unless already done. Never throws.
     *
     * @return DJL's cache directory
     */
    static synchronized Path configure() {
        if (!configured) {
            System.setProperty(OFFLINE_PROPERTY, "true");
            String userCache = System.getenv(CACHE_DIR);
            String propertyCache = System.getProperty(CACHE_DIR);
            if (userCache != null && !userCache.isBlank()) {
                cacheDir = Path.of(userCache);
            } else if (propertyCache != null && !propertyCache.isBlank()) {
                // Set by the user (-DDJL_CACHE_DIR) or by the core's tokenizer, which uses the same rule.
                cacheDir = Path.of(propertyCache);
            } else {
                cacheDir = CacheDirectory.current().resolve("djl");
                System.setProperty(CACHE_DIR, cacheDir.toString());
            }
            System.setProperty(ORT_NO_ALTERNATIVE, "true");
            configured = true;
        }
        return cacheDir;
    }

    /** Where DJL keeps its natives in this JVM, and who chose it. */
    static synchronized String cacheNote() {
        Path dir = configure();
        String user = System.getenv(CACHE_DIR);
        return dir + (user != null && !user.isBlank() ? " (from the environment's DJL_CACHE_DIR)" : "");
    }

    /** Refuses an environment that would let DJL download at run time. */
    static void checkOffline() throws BackendException {
        String env = System.getenv(OFFLINE_ENV);
        if (env != null && !Boolean.parseBoolean(env)) {
            throw new BackendException("the environment sets " + OFFLINE_ENV + "=" + env + ", which would let DJL"
                    + " download natives at run time; InferBench runs DJL offline: unset it");
        }
    }

    /**
     * Loads {@code engine} (its natives, once per JVM). The engine's thread properties are read only
     * now, so the first session's thread options set them; later sessions with other values get a
     * note from {@link #loadedWith}.
     *
     * @throws BackendException with a one-line reason when the engine cannot load
     */
    static synchronized Engine engine(DjlEngine engine, DjlOptions options) throws BackendException {
        configure();
        checkOffline();
        if (engine == DjlEngine.TENSORFLOW) {
            checkTensorFlowClasses();
            // JavaCPP extracts TensorFlow's natives (about 630 MB) into its cache, read once per JVM: the
            // InferBench cache's, as the TensorFlow adapter does (JavaCPP keeps each jar's files apart).
            if (System.getProperty(JAVACPP_CACHE_PROPERTY) == null) {
                System.setProperty(JAVACPP_CACHE_PROPERTY, CacheDirectory.current().resolve("javacpp").toString());
            }
        }
        if (!LOADED_WITH.containsKey(engine)) {
            Map<String, String> set = new LinkedHashMap<>();
            // OnnxRuntime takes threads per session (model options); the global properties would make
            // every session share one pool instead, so they are left alone for it.
            if (engine != DjlEngine.ONNXRUNTIME) {
                setThreads(engine.intraOpProperty(), options.intraOpThreads(), set);
                setThreads(engine.interOpProperty(), options.interOpThreads(), set);
            }
            try {
                Engine loaded = Engine.getEngine(engine.djlName());
                LOADED_WITH.put(engine, set);
                return loaded;
            } catch (RuntimeException | LinkageError e) {
                String reason = DjlErrors.oneLine(e);
                if (reason.contains("OrtEnvironment, but one already exists")) {
                    reason = "ONNX Runtime is already in use in this JVM (another backend created its OrtEnvironment"
                            + " first) and DJL must create its own: run djl-onnxruntime in its own JVM (run.forks)";
                }
                throw new BackendException("DJL " + engine.djlName() + " engine did not load: " + reason, e);
            }
        }
        return Engine.getEngine(engine.djlName());
    }

    /**
     * DJL's tensorflow-api jar bundles TensorFlow Java 1.0.0-rc.1 under the same class names as TensorFlow
     * Java 1.1.0 (the tensorflow backend's). Whichever comes first on the class path wins, and DJL on the
     * wrong classes (and TensorFlow 2.18's natives) would either crash or measure something else. Checked
     * without loading any class.
     */
    static void checkTensorFlowClasses() throws BackendException {
        java.net.URL url = DjlRuntime.class.getClassLoader().getResource("org/tensorflow/TensorFlow.class");
        String source = url == null ? "" : url.toString();
        if (!source.contains("tensorflow-api")) {
            throw new BackendException("DJL's TensorFlow engine needs the TensorFlow Java classes bundled in"
                    + " ai.djl.tensorflow:tensorflow-api, but this class path's come from "
                    + (url == null ? "nowhere" : jarOf(source)) + " (TensorFlow Java, the tensorflow backend): the"
                    + " two cannot share a JVM; run djl-tensorflow with a class path without the TensorFlow adapter");
        }
    }

    private static String jarOf(String url) {
        int bang = url.indexOf("!/");
        String jar = bang > 0 ? url.substring(0, bang) : url;
        return jar.substring(jar.lastIndexOf('/') + 1);
    }

    private static void setThreads(String property, int threads, Map<String, String> set) {
        if (threads > 0 && System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(threads));
        }
        String value = System.getProperty(property);
        set.put(property, value == null ? "(not set: engine default)" : value);
    }

    /** The engine's thread properties as they were when it loaded; empty before. */
    static synchronized Map<String, String> loadedWith(DjlEngine engine) {
        return LOADED_WITH.getOrDefault(engine, Map.of());
    }
}
