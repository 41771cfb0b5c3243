package org.alliancecds.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folders copied and removed, for tests that lay out their own files under target/. */
public final class Folders {

    private Folders() {
    }

    /** Copies {@code from} and everything in it to {@code to}, which must not exist yet. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Removes {@code root} and everything in it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Gives {@code file} the new text in one step, as an editor that saves atomically does: written whole to a file
     * outside the watched folders (under target/, the same file system), then moved over the old one. A server that
     * polls the folder sees the old text or the new, never a half-written file.
     */
    public static void replace(Path file, String text) throws IOException {
        Path staging = Files.createTempFile(Files.createDirectories(Path.of("target")), "replacing-", ".tmp");
        try {
            Files.writeString(staging, text);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
