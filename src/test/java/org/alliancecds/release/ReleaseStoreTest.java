package org.alliancecds.release;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Releases stored in an in-memory H2 migrated with the real migrations, V5 among them. */
class ReleaseStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30.123Z");

    private final ReleaseDatabase database = new ReleaseDatabase();
    private final ReleaseStore store = new ReleaseStore(database.dataSource);

    @AfterEach
    void shutdown() throws SQLException {
        database.shutdown();
    }

    @Test
    void aReleaseRoundTripsWithItsFilesAndItsCreatedStep() throws SQLException {
        Release release = ReleaseDatabase.release("2.1.0", "rule a", NOW);
        store.save(release);

        Release back = store.release(SemanticVersion.parse("2.1.0")).orElseThrow();
        assertEquals(release.summary(), back.summary());
        assertEquals(release.content().hash(), back.content().hash());
        assertArrayEquals("rule a".getBytes(), back.content().file("rules/a.drl").orElseThrow());
        assertEquals(List.of(List.of("2.1.0", "created", "ana", "release 2.1.0", "null")),
                database.query("SELECT version, action, admin_name, comment, effective_at FROM rule_release_event"));
        assertTrue(store.release(SemanticVersion.parse("9.9.9")).isEmpty());
    }

    @Test
    void releasesAreListedWithoutTheirFilesHighestVersionFirst() {
        for (String version : List.of("1.2.0", "1.10.0", "2.0.0-rc.1", "2.0.0")) {
            store.save(ReleaseDatabase.release(version, "rule " + version, NOW));
        }
        List<ReleaseSummary> releases = store.releases();
        assertEquals(List.of("2.0.0", "2.0.0-rc.1", "1.10.0", "1.2.0"),
                releases.stream().map(summary -> summary.version().toString()).toList());
        assertEquals(new ReleaseSummary(SemanticVersion.parse("1.2.0"),
                ReleaseDatabase.release("1.2.0", "rule 1.2.0", NOW).content().hash(), NOW, "ana", "release 1.2.0", 1,
                "rule 1.2.0".length() + 2), releases.get(3));
    }

    @Test
    void aVersionStoredAlreadyIsRefusedAndTheFirstKept() throws SQLException {
        store.save(ReleaseDatabase.release("2.1.0", "first", NOW));
        ReleaseRefusedException refused = assertThrows(ReleaseRefusedException.class,
                () -> store.save(ReleaseDatabase.release("2.1.0", "second", NOW)));
        assertTrue(refused.getMessage().contains("2.1.0 exists already"), refused.getMessage());
        assertArrayEquals("first".getBytes(), store.release(SemanticVersion.parse("2.1.0")).orElseThrow().content()
                .file("rules/a.drl").orElseThrow());
        assertEquals(List.of(List.of("1")), database.query("SELECT COUNT(*) FROM rule_release_event"),
                "no second 'created' step");
    }

    @Test
    void aReleaseBelowOneStoredMeanwhileIsRefused() {
        store.save(ReleaseDatabase.release("2.2.0", "stored while 2.1.0 was being checked", NOW));
        ReleaseRefusedException refused = assertThrows(ReleaseRefusedException.class,
                () -> store.save(ReleaseDatabase.release("2.1.0", "checked", NOW)));
        assertTrue(refused.getMessage().contains("must be above 2.2.0"), refused.getMessage());
        assertEquals(1, store.releases().size());
    }

    @Test
    void storedFilesThatNoLongerMatchTheirHashAreNotHandedOut() throws SQLException {
        store.save(ReleaseDatabase.release("2.1.0", "checked", NOW));
        try (Connection connection = database.dataSource.getConnection();
             PreparedStatement swap = connection.prepareStatement("UPDATE rule_release SET content = ?")) {
            swap.setBytes(1, ReleaseDatabase.release("2.1.0", "never checked", NOW).content().toZip());
            swap.executeUpdate();
        }
        ReleaseContentException refused = assertThrows(ReleaseContentException.class,
                () -> store.release(SemanticVersion.parse("2.1.0")));
        assertTrue(refused.getMessage().contains("do not match") || refused.getMessage().contains("hash to"),
                refused.getMessage());
    }

    @Test
    void theMigrationMadeEveryReleaseTable() throws SQLException {
        assertEquals(List.of(List.of("RULE_RELEASE"), List.of("RULE_RELEASE_EVENT"), List.of("RULE_RELEASE_INSTANCE"),
                        List.of("RULE_RELEASE_SHADOW_COUNT"), List.of("RULE_RELEASE_SHADOW_DIFFERENCE")),
                database.query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'RULE_RELEASE%'"
                        + " ORDER BY TABLE_NAME"));
        assertEquals(List.of(List.of("BINARY VARYING")), database.query("SELECT DATA_TYPE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'RULE_RELEASE' AND COLUMN_NAME = 'CONTENT'"));
    }
}
