package io.inferbench.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads files a user names (scenarios, texts, datasets, models) without hanging or exhausting
 * memory: a FIFO, device or socket (directly or through a symlink) is refused before it is opened,
 * since reading one blocks or never ends, and a file is read only up to a stated size.
 */
public final class UserFiles {
    private UserFiles() {
    }

    /**
     * The file's attributes (symlinks followed) when it is a regular file or, with {@code folderAllowed},
     * a folder; otherwise an {@link IOException} saying what it is.
     */
    public static BasicFileAttributes requireReadable(Path file, boolean folderAllowed) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "not found");
        }
        if (a.isRegularFile() || folderAllowed && a.isDirectory()) {
            return a;
        }
        throw new IOException(file + " is not a regular file but " + (a.isDirectory() ? "a folder"
                : "a device, FIFO or socket") + (Files.isSymbolicLink(file) ? " (through a symbolic link)" : "")
                + "; expected a file");
    }

    /** The file's bytes, refused when it is not a regular file or is larger than {@code maxBytes}. */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        long size = requireReadable(file, false).size();
        if (size > maxBytes) {
            throw tooLarge(file, size, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the bound: the file may have grown since its size was read.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes);
            }
            return bytes;
        }
    }

    /** The file as UTF-8 text, bounded as {@link #readBytes}. */
    public static String readString(Path file, long maxBytes) throws IOException {
        return new String(readBytes(file, maxBytes), StandardCharsets.UTF_8);
    }

    /** The file's lines, bounded as {@link #readBytes}. */
    public static List<String> readLines(Path file, long maxBytes) throws IOException {
        return readString(file, maxBytes).lines().toList();
    }

    private static IOException tooLarge(Path file, long size, long maxBytes) {
        return new IOException(file + " is " + bytes(size) + ", more than the " + bytes(maxBytes) + " allowed");
    }

    /** {@code 1.5 MiB}, {@code 512 KiB}, {@code 20 bytes}. */
    public static String bytes(long n) {
        if (n >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (double) (1 << 20)).replace(".0 ", " ");
        }
        if (n >= 1 << 10) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0).replace(".0 ", " ");
        }
        return n + " bytes";
    }
}
