package org.alliancecds.release;

import org.alliancecds.testing.Folders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A release's files, their hash and their zip, on a copy of the repository's rules and profiles. */
class ReleaseContentTest {

    @TempDir
    Path copy;
    private Path rules;
    private Path profiles;

    @BeforeEach
    void copyTheShippedFiles() throws IOException {
        rules = copy.resolve("rules");
        profiles = copy.resolve("fhir-profiles");
        Folders.copy(Path.of("rules"), rules);
        Folders.copy(Path.of("fhir-profiles"), profiles);
    }

    @Test
    void holdsEveryFileKeyedByItsFolderWithForwardSlashes() {
        ReleaseContent content = ReleaseContent.read(rules, profiles);
        assertArrayEquals("2.0.0\n".getBytes(StandardCharsets.UTF_8),
                content.file("rules/VERSION").orElseThrow(), "the shipped VERSION, byte for byte");
        assertTrue(content.files().keySet().stream().allMatch(name -> name.startsWith("rules/")
                || name.startsWith("fhir-profiles/")), content.files().keySet().toString());
        assertTrue(content.files().containsKey("rules/not-on-track.drl"));
        assertTrue(content.files().keySet().stream()
                .anyMatch(name -> name.startsWith("fhir-profiles/questionnaires/")));
        assertTrue(content.ruleFiles() >= 16, "one .drl per finding: " + content.ruleFiles());
        assertTrue(content.hash().matches("[0-9a-f]{64}"), content.hash());
    }

    @Test
    void theHashIsTheSameForTheSameFilesWhateverTheirTimes() throws IOException {
        String first = ReleaseContent.read(rules, profiles).hash();
        Files.setLastModifiedTime(rules.resolve("thresholds.csv"),
                FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertEquals(first, ReleaseContent.read(rules, profiles).hash());
    }

    @Test
    void oneByteChangedChangesTheHash() throws IOException {
        String before = ReleaseContent.read(rules, profiles).hash();
        byte[] thresholds = Files.readAllBytes(rules.resolve("thresholds.csv"));
        thresholds[thresholds.length - 2] ^= 1;
        Files.write(rules.resolve("thresholds.csv"), thresholds);
        assertNotEquals(before, ReleaseContent.read(rules, profiles).hash());
    }

    @Test
    void theZipRoundTripsWithTheSameHashAndTheSameBytes() {
        ReleaseContent content = ReleaseContent.read(rules, profiles);
        byte[] zip = content.toZip();
        ReleaseContent back = ReleaseContent.fromZip(zip);
        assertEquals(content.hash(), back.hash());
        assertEquals(content.files().keySet(), back.files().keySet());
        assertArrayEquals(zip, back.toZip(), "the zip's bytes are stable too");
    }

    @Test
    void materialisedFilesReadBackAsTheSameRelease(@TempDir Path target) {
        ReleaseContent content = ReleaseContent.read(rules, profiles);
        content.materialise(target);
        assertEquals(content.hash(), ReleaseContent.read(target.resolve("rules"), target.resolve("fhir-profiles"))
                .hash());
    }

    @Test
    void zipEntriesThatLeaveTheirFolderAreRefused() throws IOException {
        for (String name : new String[]{"../evil.drl", "/etc/evil", "rules/../../evil", "rules/./a.drl",
                "rules//a.drl", "other/a.drl", "rules\\..\\evil", "C:/evil"}) {
            ReleaseContentException refused = assertThrows(ReleaseContentException.class,
                    () -> ReleaseContent.fromZip(zip(Map.of(name, "x"))), name);
            assertTrue(refused.getMessage().contains(name), refused.getMessage());
        }
    }

    @Test
    void aNameTwiceInAZipIsRefused() throws IOException {
        // ZipOutputStream will not write a name twice: two names of one length, then one renamed in the bytes.
        byte[] zip = zip(Map.of("rules/a.drl", "one", "rules/b.drl", "two"));
        String text = new String(zip, StandardCharsets.ISO_8859_1).replace("rules/b.drl", "rules/a.drl");
        ReleaseContentException refused = assertThrows(ReleaseContentException.class,
                () -> ReleaseContent.fromZip(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(refused.getMessage().contains("rules/a.drl twice"), refused.getMessage());
    }

    @Test
    void aZipInflatingBeyondTheCapIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("rules/huge.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written <= ReleaseContent.MAX_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < 1024 * 1024, "a small zip: " + out.size());
        ReleaseContentException refused = assertThrows(ReleaseContentException.class,
                () -> ReleaseContent.fromZip(out.toByteArray()));
        assertTrue(refused.getMessage().contains("more than the " + ReleaseContent.MAX_BYTES), refused.getMessage());
    }

    @Test
    void foldersBeyondTheCapAreRefusedBeforeBeingRead() throws IOException {
        Files.write(rules.resolve("huge.csv"), new byte[(int) ReleaseContent.MAX_BYTES]);
        ReleaseContentException refused = assertThrows(ReleaseContentException.class,
                () -> ReleaseContent.read(rules, profiles));
        assertTrue(refused.getMessage().contains("more than the"), refused.getMessage());
    }

    @Test
    void aMissingFolderIsNamed() {
        ReleaseContentException refused = assertThrows(ReleaseContentException.class,
                () -> ReleaseContent.read(rules, copy.resolve("no-profiles")));
        assertTrue(refused.getMessage().contains("fhir-profiles folder"), refused.getMessage());
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
