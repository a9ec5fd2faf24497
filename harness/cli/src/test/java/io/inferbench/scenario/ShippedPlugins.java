package io.inferbench.scenario;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.accuracy.Evaluator;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The backends and evaluators InferBench ships, whose options the published schema lists: the
 * synthetic backend, every adapter's, and the built-in evaluators (not this module's test-only
 * plug-ins). ONNX Runtime and TensorFlow are on this module's test class path; DJL cannot be (its
 * bundled TensorFlow classes clash with TensorFlow Java's), so its compiled classes are loaded in a
 * class loader of their own, as the launcher loads each adapter folder. Asking a provider for its
 * options loads no engine.
 */
final class ShippedPlugins {
    /** The DJL adapter's classes; the CLI module's pom orders the reactor so they are built first. */
    static final Path DJL_CLASSES = Path.of("../../adapters/djl/target/classes");

    private ShippedPlugins() {
    }

    static List<BackendProvider> backends() {
        List<BackendProvider> out = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, ShippedPlugins.class.getClassLoader())) {
            String pkg = p.getClass().getPackageName();
            if (pkg.equals("io.inferbench.synthetic") || pkg.startsWith("io.inferbench.adapter.")) {
                out.add(p);
            }
        }
        ClassLoader djl = djlLoader();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, djl)) {
            if (p.getClass().getClassLoader() == djl) {
                out.add(p);
            }
        }
        return out;
    }

    static List<Evaluator> evaluators() {
        List<Evaluator> out = new ArrayList<>();
        for (Evaluator e : ServiceLoader.load(Evaluator.class, ShippedPlugins.class.getClassLoader())) {
            if (e.getClass().getPackageName().startsWith("io.inferbench.accuracy")) {
                out.add(e);
            }
        }
        return out;
    }

    private static ClassLoader djlLoader() {
        if (!Files.isDirectory(DJL_CLASSES.resolve("META-INF/services"))) {
            throw new IllegalStateException(DJL_CLASSES.toAbsolutePath().normalize() + " has no compiled DJL adapter:"
                    + " build from the repository root with -am (e.g. mvn -pl harness/cli -am test), which builds"
                    + " adapters/djl first");
        }
        try {
            return new URLClassLoader("djl-options", new URL[] {DJL_CLASSES.toUri().toURL()},
                    ShippedPlugins.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
