package io.inferbench.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionCacheTest {
    /** SHA-256 of the three bytes {@code abc} (FIPS 180-2 test vector). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    private ConversionCache cache() {
        return ConversionCache.in(dir.resolve("cache"));
    }

    private static ConversionCache.Key key() {
        return new ConversionCache.Key(ABC, "onnx-to-tensorflow", "v1");
    }

    @Test
    void layoutIsConverterVersionThenHash() {
        assertEquals(dir.resolve("cache/converted/onnx-to-tensorflow-v1/" + ABC), cache().dir(key()));
        ConversionCache.Key odd = new ConversionCache.Key(ABC, "a b/c", "1:2");
        assertEquals(dir.resolve("cache/converted/a_b_c-1_2/" + ABC), cache().dir(odd));
        assertThrows(IllegalArgumentException.class, () -> new ConversionCache.Key("ABC", "c", "1"));
    }

    @Test
    void producesOnceThenReuses() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ConversionCache.Producer<IOException> producer = d -> {
            calls.incrementAndGet();
            assertFalse(Files.exists(d), "the producer gets a fresh folder");
            Files.createDirectories(d);
            Files.writeString(d.resolve("model.pb"), "converted");
        };
        ConversionCache.Entry first = cache().obtain(key(), producer);
        assertFalse(first.reused());
        assertEquals(cache().dir(key()), first.dir());
        assertEquals("converted", Files.readString(first.dir().resolve("model.pb")));
        ConversionCache.Entry second = cache().obtain(key(), producer);
        assertTrue(second.reused());
        assertEquals(1, calls.get());
        assertEquals(first.dir(), cache().find(key()).orElseThrow());
        assertEquals(List.of(), temporaries());
    }

    @Test
    void aFailingProducerLeavesNothingAndItsExceptionUnchanged() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ConversionCache.Producer<RuntimeException> failing = d -> {
            Files.createDirectories(d);
            Files.writeString(d.resolve("half.pb"), "half");
            throw boom;
        };
        assertSame(boom, assertThrows(IllegalStateException.class, () -> cache().obtain(key(), failing)));
        assertTrue(cache().find(key()).isEmpty());
        assertEquals(List.of(), temporaries());
    }

    @Test
    void whenAnotherProcessFinishesFirstItsEntryIsUsed() throws Exception {
        Path target = cache().dir(key());
        ConversionCache.Entry entry = cache().obtain(key(), d -> {
            Files.createDirectories(d);
            Files.writeString(d.resolve("ours.pb"), "ours");
            // Meanwhile another process renames its own result into place.
            Files.createDirectories(target);
            Files.writeString(target.resolve("theirs.pb"), "theirs");
        });
        assertTrue(entry.reused());
        assertTrue(Files.isRegularFile(target.resolve("theirs.pb")));
        assertFalse(Files.exists(target.resolve("ours.pb")));
        assertEquals(List.of(), temporaries());
    }

    @Test
    void staleTemporariesAreRemovedYoungOnesKept() throws Exception {
        Path parent = Files.createDirectories(cache().dir(key()).getParent());
        Path stale = Files.createDirectories(parent.resolve("x.tmp-1-1"));
        Files.writeString(stale.resolve("f"), "old");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(ConversionCache.STALE_TEMP_AGE)
                .minusSeconds(60)));
        Path young = Files.createDirectories(parent.resolve("y.tmp-2-2"));
        cache().obtain(key(), Files::createDirectories);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(young));
    }

    @Test
    void hashesFilesByBytesAndFoldersByTree() throws Exception {
        assertEquals(ABC, ConversionCache.sha256(Files.writeString(dir.resolve("abc"), "abc")));

        Path a = tree(dir.resolve("a"), "vars/data", "weights");
        Path b = tree(dir.resolve("elsewhere/b"), "vars/data", "weights");
        assertEquals(ConversionCache.sha256(a), ConversionCache.sha256(b), "same tree, same key, wherever it lies");
        Files.move(b.resolve("vars/data"), b.resolve("vars/other"));
        assertNotEquals(ConversionCache.sha256(a), ConversionCache.sha256(b), "a renamed file changes the key");
    }

    private static Path tree(Path root, String file, String content) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), content);
        Files.writeString(root.resolve("saved_model.pb"), "graph");
        return root;
    }

    private List<Path> temporaries() throws IOException {
        Path parent = cache().dir(key()).getParent();
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
        }
    }
}
