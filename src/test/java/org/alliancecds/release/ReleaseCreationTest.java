package org.alliancecds.release;

import org.alliancecds.testing.Folders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating a release from a copy of the repository's rules and profiles: the rules check runs on the bytes released
 * and refuses with its problems at their files and lines; comment and version are checked first.
 */
class ReleaseCreationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path copy;
    private Path rules;
    private Path profiles;
    private final ReleaseDatabase database = new ReleaseDatabase();
    private final ReleaseStore store = new ReleaseStore(database.dataSource);
    private final ReleaseCreation creation = new ReleaseCreation(store, Clock.fixed(NOW, ZoneOffset.UTC),
            Optional.empty());

    @BeforeEach
    void copyTheShippedFiles() throws IOException {
        rules = copy.resolve("rules");
        profiles = copy.resolve("fhir-profiles");
        Folders.copy(Path.of("rules"), rules);
        Folders.copy(Path.of("fhir-profiles"), profiles);
    }

    @AfterEach
    void shutdown() throws SQLException {
        database.shutdown();
    }

    @Test
    void theShippedFilesMakeReleaseOfTheirVersionFileWhichStoresAndReadsBack() {
        Release release = creation.create(rules, profiles, Optional.empty(), "ana", "first release from the repo");
        assertEquals(SemanticVersion.parse("2.0.0"), release.version(), "rules/VERSION");
        assertEquals(ReleaseContent.read(rules, profiles).hash(), release.summary().contentHash());
        assertEquals(List.of(NOW, "ana", "first release from the repo"), List.of(release.summary().createdAt(),
                release.summary().createdBy(), release.summary().comment()));
        store.save(release);
        assertEquals(release.summary(), store.release(release.version()).orElseThrow().summary());
    }

    @Test
    void aBrokenRuleFileIsRefusedNamingItsFileAndLineAndTheCheckLeavesNoFolderBehind() throws IOException {
        Path drl = rules.resolve("not-on-track.drl");
        List<String> lines = Files.readAllLines(drl);
        assertTrue(lines.get(36).contains("$baseline : EpisodeBaseline(score.scale == \"total\")"), lines.get(36));
        lines.set(36, "    $baseline : EpisodeBaseline(score.scale == )");
        Files.write(drl, lines);
        long foldersBefore = checkFolders();

        ReleaseRefusedException refused = assertThrows(ReleaseRefusedException.class,
                () -> creation.create(rules, profiles, Optional.of("2.1.0"), "ana", "a broken edit"));
        assertTrue(refused.problems().stream().anyMatch(problem -> problem.startsWith("rules/not-on-track.drl:37:")),
                String.join("\n", refused.problems()));
        assertTrue(refused.getMessage().startsWith("release 2.1.0 not created: the rules check found"),
                refused.getMessage());
        assertTrue(refused.problems().stream().noneMatch(problem -> problem.contains(TEMP.toString())),
                "no temporary path: " + refused.problems());
        assertEquals(foldersBefore, checkFolders(), "the checked copy is removed");
        assertTrue(store.releases().isEmpty());
    }

    @Test
    void aScenarioCaseThatNoLongerPassesIsRefusedNamingTheCase() throws IOException {
        Path scenario = rules.resolve("scenarios/NOT-ON-TRACK/in-no-change-session-6-good-alliance.json");
        Files.writeString(scenario, Files.readString(scenario)
                .replace("\"NOT-ON-TRACK\"\n  ]", "\"LOW-READINESS\"\n  ]"));
        ReleaseRefusedException refused = assertThrows(ReleaseRefusedException.class,
                () -> creation.create(rules, profiles, Optional.of("2.1.0"), "ana", "a case expecting too much"));
        assertEquals(1, refused.problems().size(), String.join("\n", refused.problems()));
        assertTrue(refused.problems().get(0).startsWith(
                "rules/scenarios/NOT-ON-TRACK/in-no-change-session-6-good-alliance.json: missing [LOW-READINESS]"),
                refused.problems().get(0));
    }

    @Test
    void aBlankCommentIsRefusedBeforeAnythingIsRead() {
        ReleaseRefusedException refused = assertThrows(ReleaseRefusedException.class,
                () -> creation.create(copy.resolve("nowhere"), profiles, Optional.empty(), "ana", "  "));
        assertTrue(refused.getMessage().contains("a comment saying why is required"), refused.getMessage());
    }

    @Test
    void aVersionNotAboveEveryStoredReleaseIsRefusedBeforeTheCheck() {
        store.save(ReleaseDatabase.release("2.0.0", "stored", NOW));
        ReleaseRefusedException same = assertThrows(ReleaseRefusedException.class,
                () -> creation.create(rules, profiles, Optional.empty(), "ana", "VERSION says 2.0.0"));
        assertTrue(same.getMessage().contains("2.0.0 exists already"), same.getMessage());
        ReleaseRefusedException lower = assertThrows(ReleaseRefusedException.class,
                () -> creation.create(rules, profiles, Optional.of("2.0.0-rc.1"), "ana", "a pre-release of it"));
        assertTrue(lower.getMessage().contains("must be above 2.0.0, the highest stored"), lower.getMessage());
        ReleaseRefusedException malformed = assertThrows(ReleaseRefusedException.class,
                () -> creation.create(rules, profiles, Optional.of("2.1"), "ana", "two numbers"));
        assertTrue(malformed.getMessage().contains("'2.1' is not a semantic version"), malformed.getMessage());
    }

    private static long checkFolders() throws IOException {
        try (Stream<Path> folders = Files.list(TEMP)) {
            return folders.filter(path -> path.getFileName().toString().startsWith("alliance-cds-release-")).count();
        }
    }
}
