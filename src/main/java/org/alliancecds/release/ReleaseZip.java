package org.alliancecds.release;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A release's files as a zip. Written with entries in name order and one fixed time, so the same files give the same
 * bytes. Read as hostile input, since it comes back from a database others write to: every name checked
 * ({@link ReleasePaths}), a name twice refused, and the bytes counted as they inflate, never trusting the sizes the
 * zip declares.
 */
final class ReleaseZip {

    /** Entry times: the earliest a zip can hold, written the same on every machine and in every time zone. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ReleaseZip() {
    }

    static byte[] write(SortedMap<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a zip in memory cannot fail to write", e);
        }
        return out.toByteArray();
    }

    /**
     * @throws ReleaseContentException for a name that leaves its folder, a name twice, more than
     *                                 {@link ReleaseContent#MAX_BYTES}, or a zip that cannot be read
     */
    static SortedMap<String, byte[]> read(byte[] zip) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                ReleasePaths.check(entry.getName());
                byte[] bytes = in.readNBytes((int) (ReleaseContent.MAX_BYTES - total + 1));
                total += bytes.length;
                if (total > ReleaseContent.MAX_BYTES) {
                    throw new ReleaseContentException("the zip holds more than the " + ReleaseContent.MAX_BYTES
                            + " bytes a release may hold");
                }
                if (files.put(entry.getName(), bytes) != null) {
                    throw new ReleaseContentException("the zip holds " + entry.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new ReleaseContentException("the zip cannot be read: " + e.getMessage(), e);
        }
        return files;
    }
}
