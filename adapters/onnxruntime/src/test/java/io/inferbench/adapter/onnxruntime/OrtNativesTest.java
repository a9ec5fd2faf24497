package io.inferbench.adapter.onnxruntime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Extraction of the native libraries, tested on temporary directories. Natives load only once per
 * JVM, so loading itself is checked in {@link OrtBackendProviderTest}; nothing here loads them.
 */
class OrtNativesTest {
    private static final String LIB = "libonnxruntime.so";
    private static final String JNI = "libonnxruntime4j_jni.so";

    @Test
    void cacheDirPrefersPropertyThenEnvironmentThenXdgThenHome() {
        Map<String, String> props = Map.of("user.home", "/home/u");
        assertEquals(Path.of("/p"), OrtNatives.cacheDir(
                k -> k.equals("inferbench.cache.dir") ? "/p" : props.get(k), k -> "/e"));
        assertEquals(Path.of("/e"), OrtNatives.cacheDir(props::get,
                Map.of("INFERBENCH_CACHE_DIR", "/e", "XDG_CACHE_HOME", "/x")::get));
        assertEquals(Path.of("/x/inferbench"), OrtNatives.cacheDir(props::get, Map.of("XDG_CACHE_HOME", "/x")::get));
        assertEquals(Path.of("/home/u/.cache/inferbench"), OrtNatives.cacheDir(props::get, k -> null));
        // A relative XDG_CACHE_HOME is invalid per the spec, and blank values count as unset.
        assertEquals(Path.of("/home/u/.cache/inferbench"), OrtNatives.cacheDir(props::get,
                Map.of("XDG_CACHE_HOME", "rel", "INFERBENCH_CACHE_DIR", " ")::get));
    }

    @Test
    void knowsTheJarItCameFrom() {
        assertEquals("onnxruntime", OrtNatives.artifact());
        assertEquals("1.29.0", OrtNatives.jarVersion());
    }

    @Test
    void extractsTheLinuxLibrariesWithTheirFullSize(@TempDir Path tmp) throws Exception {
        assumeLinuxX64();
        Path dir = tmp.resolve("natives/onnxruntime-1.29.0/linux-x64");

        List<String> present = OrtNatives.extract(OrtNatives.resourceDir("linux-x64"), dir);

        assertEquals(List.of(LIB, JNI), present);
        for (String file : present) {
            assertEquals(resourceSize(file), Files.size(dir.resolve(file)), file);
        }
        assertEquals(List.of(), temps(dir));
    }

    @Test
    void skipsFilesOfTheRightSizeAndReplacesOthers(@TempDir Path dir) throws Exception {
        assumeLinuxX64();
        URL jni = resource(JNI);
        Path target = dir.resolve(JNI);
        assertTrue(OrtNatives.copyIfDifferent(jni, target));

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(target, old);
        assertFalse(OrtNatives.copyIfDifferent(jni, target), "same size: left alone");
        assertEquals(old, Files.getLastModifiedTime(target));

        Files.write(target, new byte[10]); // e.g. a copy cut short by an older, non-atomic writer
        assertTrue(OrtNatives.copyIfDifferent(jni, target));
        assertEquals(resourceSize(JNI), Files.size(target));
    }

    @Test
    void concurrentExtractionsLeaveCompleteFiles(@TempDir Path tmp) throws Exception {
        assumeLinuxX64();
        Path dir = tmp.resolve("shared");
        int workers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Callable<List<String>> task = () -> {
                    start.await();
                    return OrtNatives.extract(OrtNatives.resourceDir("linux-x64"), dir);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<String>> r : results) {
                assertEquals(List.of(LIB, JNI), r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(resourceSize(LIB), Files.size(dir.resolve(LIB)));
        assertEquals(resourceSize(JNI), Files.size(dir.resolve(JNI)));
        assertEquals(List.of(), temps(dir));
    }

    @Test
    void aPlatformWithoutBundledLibrariesExtractsNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("none");
        assertEquals(List.of(), OrtNatives.extract(OrtNatives.resourceDir("plan9-mips"), dir));
        assertFalse(Files.exists(dir));
    }

    private static void assumeLinuxX64() {
        assumeTrue("linux-x64".equals(OrtNatives.osArch()), "bundled natives checked on linux-x64 only");
    }

    private static URL resource(String file) {
        URL url = ai.onnxruntime.OrtEnvironment.class.getResource(OrtNatives.resourceDir("linux-x64") + file);
        assertNotNull(url, file);
        return url;
    }

    private static long resourceSize(String file) throws Exception {
        return resource(file).openConnection().getContentLengthLong();
    }

    private static List<Path> temps(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".tmp")).toList();
        }
    }
}
