package io.inferbench.run.backends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One installed adapter: a folder of jars (the adapter and its own dependencies, e.g.
 * {@code adapters/onnxruntime/target/adapter}) loaded in a class loader of its own, and put on the
 * class path of a child JVM only when that child runs one of its backends.
 *
 * @param name the adapter's name: {@code onnxruntime} for {@code adapters/onnxruntime/target/adapter},
 *             else the folder's name
 * @param dir  the folder
 * @param jars its jars, sorted by file name
 */
public record AdapterInstall(String name, Path dir, List<Path> jars) {
    public AdapterInstall {
        jars = List.copyOf(jars);
    }

    /** The adapter in {@code dir}: every {@code *.jar} directly in it. */
    public static AdapterInstall of(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(abs)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
            return new AdapterInstall(nameOf(abs), abs, jars);
        }
    }

    /** {@code adapters/X/target/adapter} is adapter X; any other folder is named after itself. */
    static String nameOf(Path dir) {
        Path target = dir.getParent();
        if (dir.getFileName().toString().equals("adapter") && target != null && target.getParent() != null
                && target.getFileName().toString().equals("target")) {
            return target.getParent().getFileName().toString();
        }
        return dir.getFileName().toString();
    }

    /** The jars as class path entries. */
    public List<String> classpath() {
        return jars.stream().map(Path::toString).toList();
    }
}
