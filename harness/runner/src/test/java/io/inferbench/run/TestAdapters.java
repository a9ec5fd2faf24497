package io.inferbench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds adapter folders at test time: a jar whose backend is compiled now, so its classes are on
 * no class path but the folder's. Backend {@code NAME} wraps the synthetic backend and reports what
 * its JVM can see: its session properties and info notes carry {@code java.class.path} and whether
 * the other test adapters' classes are loadable.
 */
public final class TestAdapters {
    private TestAdapters() {
    }

    /** The class of test adapter {@code name}. */
    public static String className(String name) {
        return "io.inferbench.testadapter." + name + ".Backend";
    }

    /**
     * Creates {@code root/NAME/target/adapter/NAME-adapter.jar} with backend {@code name}, which
     * checks whether the classes of {@code others} are loadable.
     */
    public static Path build(Path root, String name, List<String> others) throws IOException {
        Path src = Files.createDirectories(root.resolve("src-" + name));
        Path classes = Files.createDirectories(root.resolve("classes-" + name));
        Path file = src.resolve("Backend.java");
        Files.writeString(file, source(name, others));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, System.err, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none", file.toString());
        if (status != 0) {
            throw new IOException("could not compile test adapter " + name);
        }
        Path dir = Files.createDirectories(root.resolve(name).resolve("target").resolve("adapter"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve(name + "-adapter.jar")));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.inferbench.api.BackendProvider"));
            jar.write((className(name) + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return dir;
    }

    private static String source(String name, List<String> others) {
        StringBuilder sees = new StringBuilder();
        for (String o : others) {
            sees.append("        m.put(\"sees.").append(o).append("\", Boolean.toString(loadable(\"")
                    .append(className(o)).append("\")));\n");
        }
        return """
                package io.inferbench.testadapter.%1$s;

                import io.inferbench.api.*;
                import java.util.*;

                public final class Backend implements BackendProvider {
                    private final io.inferbench.synthetic.SyntheticBackendProvider synthetic =
                            new io.inferbench.synthetic.SyntheticBackendProvider();

                    public String name() { return "%1$s"; }
                    public List<ModelFormat> formats() { return synthetic.formats(); }
                    public List<OptionSpec> options() { return synthetic.options(); }

                    static boolean loadable(String c) {
                        try {
                            Class.forName(c, false, Backend.class.getClassLoader());
                            return true;
                        } catch (ClassNotFoundException e) {
                            return false;
                        }
                    }

                    static Map<String, String> seen() {
                        Map<String, String> m = new TreeMap<>();
                        m.put("java.class.path", System.getProperty("java.class.path"));
                %2$s        return m;
                    }

                    public BackendInfo info() {
                        List<String> notes = new ArrayList<>();
                        seen().forEach((k, v) -> notes.add(k + "=" + v));
                        return new BackendInfo("%1$s", "Test adapter %1$s", "1.0", Map.of("%1$s-lib", "1.0"),
                                List.of(new DeviceInfo(Device.CPU, "cpu", true, "")), List.of(), notes);
                    }

                    public ModelSession open(ModelLoadRequest request) throws BackendException {
                        ModelSession s = synthetic.open(request);
                        String contextIsAdapter = Boolean.toString(
                                Thread.currentThread().getContextClassLoader() == Backend.class.getClassLoader());
                        return new ModelSession() {
                            public List<TensorSpec> inputs() { return s.inputs(); }
                            // Names the process that opened the model, so a test can tell where that was.
                            public List<TensorSpec> outputs() {
                                return List.of(new TensorSpec("pid" + ProcessHandle.current().pid(), DType.FLOAT32,
                                        new long[] {1}));
                            }
                            public Map<String, String> properties() {
                                Map<String, String> m = new TreeMap<>(s.properties());
                                m.putAll(seen());
                                m.put("context-loader-is-adapter", contextIsAdapter);
                                return m;
                            }
                            public Runner newRunner() throws BackendException { return s.newRunner(); }
                            public void close() { s.close(); }
                        };
                    }
                }
                """.formatted(name, sees);
    }
}
