package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs started together never share a folder, and an output folder that cannot be made is one line. */
class RunFoldersTest {
    @TempDir
    Path dir;

    @Test
    void runsStartedTogetherGetFoldersOfTheirOwn() throws Exception {
        int runs = 16;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Path>> made = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            made.add(pool.submit(() -> {
                go.await();
                return RunFolders.create(dir.resolve("out"), "20260101-000000-same", "");
            }));
        }
        go.countDown();
        Set<String> names = new TreeSet<>();
        for (Future<Path> f : made) {
            names.add(f.get().getFileName().toString());
        }
        pool.shutdown();
        assertEquals(runs, names.size(), "one folder each: " + names);
        assertTrue(names.contains("20260101-000000-same") && names.contains("20260101-000000-same-16"), names::toString);
    }

    @Test
    void aShardsSuffixStaysLast() throws IOException {
        Path out = dir.resolve("out");
        assertEquals("id-shard1of3", RunFolders.create(out, "id", "-shard1of3").getFileName().toString());
        assertEquals("id-2-shard1of3", RunFolders.create(out, "id", "-shard1of3").getFileName().toString());
        assertEquals("id-shard2of3", RunFolders.create(out, "id", "-shard2of3").getFileName().toString());
    }

    @Test
    void anExistingFolderIsNeverReused() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("id"));
        Files.writeString(out.resolve("id").resolve("result.json"), "someone else's");
        Path mine = RunFolders.create(out, "id", "");
        assertEquals("id-2", mine.getFileName().toString());
        assertEquals("someone else's", Files.readString(out.resolve("id").resolve("result.json")));
    }

    @Test
    void anOutputFolderUnderAFileIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        IOException e = assertThrows(IOException.class, () -> RunFolders.create(file.resolve("results"), "id", ""));
        assertTrue(e.getMessage().startsWith("--out " + file.resolve("results") + ": cannot create the folder"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aNameTooLongForTheFileSystemIsOneLine() {
        Path out = dir.resolve("x".repeat(300));
        IOException e = assertThrows(IOException.class, () -> RunFolders.create(out, "id", ""));
        assertTrue(e.getMessage().contains("cannot create the folder"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aLongScenarioNameIsCutToFit() throws IOException {
        Path made = RunFolders.create(dir, "20260101-000000-" + "n".repeat(400), "-shard1of2");
        assertTrue(made.getFileName().toString().length() <= RunFolders.MAX_NAME + "-shard1of2".length());
        assertTrue(made.getFileName().toString().endsWith("-shard1of2"));
    }
}
