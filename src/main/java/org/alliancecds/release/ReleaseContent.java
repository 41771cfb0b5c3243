package org.alliancecds.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a release, immutable: every regular file under a rules folder and a profiles folder, keyed
 * {@code rules/<relative path>} and {@code fhir-profiles/<relative path>} with forward slashes. Its hash depends on
 * names and bytes only, never on the order a file system lists them or on their times, so the same files always make
 * the same hash. Stored as a zip whose bytes are stable too; read back, a zip is checked as hostile input
 * ({@link ReleaseZip}), since it comes from a shared database.
 */
public final class ReleaseContent {

    public static final String RULES = "rules";
    public static final String PROFILES = "fhir-profiles";

    /**
     * The most a release may hold, unzipped: about ten times today's files (under 2 MB). A release is held whole in
     * memory while it is checked, stored and compiled, and read from the shared database by every instance; the cap
     * also stops a zip that inflates without end.
     */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final SortedMap<String, byte[]> files;
    private final String hash;

    private ReleaseContent(SortedMap<String, byte[]> files) {
        long total = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            ReleasePaths.check(file.getKey());
            total += file.getValue().length;
        }
        if (total > MAX_BYTES) {
            throw new ReleaseContentException("the release would hold " + total + " bytes, more than the "
                    + MAX_BYTES + " a release may hold");
        }
        this.files = files;
        this.hash = hashOf(files);
    }

    /** Every regular file under the two folders, both of which must exist. */
    public static ReleaseContent read(Path rulesFolder, Path profilesFolder) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = readFolder(rulesFolder, RULES, files, 0);
        readFolder(profilesFolder, PROFILES, files, total);
        return new ReleaseContent(files);
    }

    /**
     * The content of a zip made by {@link #toZip()}.
     *
     * @throws ReleaseContentException for a name that leaves its folder ({@code ..}, absolute, outside
     *                                 {@code rules/} and {@code fhir-profiles/}), a name twice, too many bytes, or a
     *                                 zip that cannot be read
     */
    public static ReleaseContent fromZip(byte[] zip) {
        return new ReleaseContent(ReleaseZip.read(zip));
    }

    /** The files in name order; the bytes handed out are copies. */
    public SortedMap<String, byte[]> files() {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** One file's bytes (a copy), by its name in the release ({@code rules/VERSION}). */
    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name)).map(byte[]::clone);
    }

    /** SHA-256, in hex, over every file's name, length and bytes, in name order. */
    public String hash() {
        return hash;
    }

    /**
     * The {@code .drl} files under {@code rules/}: the card rules (one finding each) with the shared classification
     * rules of {@code rules/common/}, a rough measure of the release's size in rules.
     */
    public int ruleFiles() {
        return (int) files.keySet().stream().filter(name -> name.startsWith(RULES + "/") && name.endsWith(".drl"))
                .count();
    }

    /** The bytes of all files together. */
    public long size() {
        return files.values().stream().mapToLong(bytes -> bytes.length).sum();
    }

    /** A zip of the files, with the same bytes each time for the same files. */
    public byte[] toZip() {
        return ReleaseZip.write(files);
    }

    /**
     * Writes the files under {@code target} ({@code target/rules/...}, {@code target/fhir-profiles/...}), so that the
     * compilers, which read folders, can read the release.
     */
    public void materialise(Path target) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = ReleasePaths.resolve(target, file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            Files.createDirectories(target.resolve(RULES));
            Files.createDirectories(target.resolve(PROFILES));
        } catch (IOException e) {
            throw new UncheckedIOException("the release cannot be written to " + target, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReleaseContent content && content.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "release content " + hash + " (" + files.size() + " files)";
    }

    /** Reads one folder's files into {@code files}; the bytes read so far, counting {@code before}. */
    private static long readFolder(Path folder, String prefix, SortedMap<String, byte[]> files, long before) {
        if (!Files.isDirectory(folder)) {
            throw new ReleaseContentException("the " + prefix + " folder " + folder.toAbsolutePath()
                    + " does not exist");
        }
        long total = before;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
                if (total > MAX_BYTES) {
                    throw new ReleaseContentException("the folders hold more than the " + MAX_BYTES
                            + " bytes a release may hold");
                }
                String relative = folder.relativize(file).toString().replace('\\', '/');
                files.put(prefix + "/" + relative, Files.readAllBytes(file));
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("the " + prefix + " folder " + folder + " cannot be read", e);
        }
    }

    private static String hashOf(SortedMap<String, byte[]> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        // Each name and its bytes are preceded by their lengths, so no two different sets of files hash alike by
        // moving bytes from one file's end into the next one's name.
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            digest.update(name);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(file.getValue().length).array());
            digest.update(file.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
