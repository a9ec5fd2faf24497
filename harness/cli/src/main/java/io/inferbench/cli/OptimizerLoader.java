package io.inferbench.cli;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Calls the optimizer ({@code io.inferbench.optimize.OptimizeFiles}) in a class loader of its own. The optimizer
 * needs protobuf-java 3 (the TensorFlow adapter's); on the harness's class path it would come before the DJL
 * adapter's protobuf-java 4 in that adapter's class loader and child JVMs, so the distribution keeps its jars in
 * {@code dist/optimizer}, beside {@code dist/lib}. Only JDK types cross: paths, step maps, console lines.
 */
final class OptimizerLoader {
    static final String ENTRY = "io.inferbench.optimize.OptimizeFiles";
    static final String MODEL_OPTIMIZER = "io.inferbench.optimize.OnnxModelOptimizer";
    /** One loader per JVM for the optimizer's jars; its parent is the harness's (the api types are shared). */
    private static ClassLoader isolated;

    private OptimizerLoader() {
    }

    @SuppressWarnings("unchecked")
    static List<String> optimize(Path model, Path out, List<Map<String, Object>> steps,
                                 io.inferbench.api.optimize.ActivationSampler calibration) throws Exception {
        Class<?> entry = entryClass();
        try {
            return (List<String>) entry.getMethod("optimize", Path.class, Path.class, List.class,
                            io.inferbench.api.optimize.ActivationSampler.class).invoke(null, model, out, steps,
                            calibration);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new BadInputException(cause.getMessage());
            }
            if (cause instanceof IOException) {
                throw new BadInputException("cannot read or write a model file: " + cause.getMessage());
            }
            throw e;
        }
    }

    /** The optimizer for scenarios' {@code optimization.steps}, built in its own class loader; api types cross. */
    static io.inferbench.api.optimize.ModelOptimizer modelOptimizer() throws Exception {
        return (io.inferbench.api.optimize.ModelOptimizer) entryClass(MODEL_OPTIMIZER).getConstructor().newInstance();
    }

    private static Class<?> entryClass() throws Exception {
        return entryClass(ENTRY);
    }

    /** On this class path (tests, IDE), else from the distribution's optimizer folder. */
    private static synchronized Class<?> entryClass(String name) throws Exception {
        try {
            return Class.forName(name, true, OptimizerLoader.class.getClassLoader());
        } catch (ClassNotFoundException notHere) {
            Path folder = optimizerFolder();
            List<URL> jars = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(url(jar));
                }
            } catch (IOException e) {
                throw new IllegalStateException("the optimizer's jars are missing: " + folder + " cannot be read ("
                        + e.getMessage() + "); rebuild the distribution", e);
            }
            if (isolated == null) {
                isolated = new URLClassLoader("optimizer", jars.toArray(URL[]::new),
                        OptimizerLoader.class.getClassLoader());
            }
            return Class.forName(name, true, isolated);
        }
    }

    /** {@code dist/optimizer}, beside the {@code dist/lib} folder this class's jar is in. */
    private static Path optimizerFolder() throws Exception {
        Path jar = Path.of(OptimizerLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().resolveSibling("optimizer");
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(jar + ": " + e.getMessage(), e);
        }
    }
}
