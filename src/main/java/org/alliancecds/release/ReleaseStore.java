package org.alliancecds.release;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The releases in the shared database (the audit's), over plain JDBC: storing one with its "created" step, listing
 * them, reading one's files back. A stored release is never updated or deleted. Which release serves, and which runs
 * in shadow, are read from the steps: {@link ReleaseEvents}.
 */
public final class ReleaseStore {

    private static final String SUMMARY_COLUMNS = "version, content_hash, created_at, created_by, comment,"
            + " rule_files, content_bytes";
    private static final String INSERT = "INSERT INTO rule_release (" + SUMMARY_COLUMNS + ", content)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LIST = "SELECT " + SUMMARY_COLUMNS + " FROM rule_release";
    private static final String VERSIONS = "SELECT version FROM rule_release";
    private static final String READ = "SELECT " + SUMMARY_COLUMNS + ", content FROM rule_release WHERE version = ?";

    private final DataSource dataSource;

    public ReleaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the release and records its "created" step (by its creator, at its creation time, with its comment), in
     * one transaction. Versions only go up: a release created while a higher one was being stored is refused here.
     *
     * @throws ReleaseRefusedException when a release of that version, or a higher one, is stored already
     */
    public void save(Release release) {
        ReleaseSummary summary = release.summary();
        byte[] zip = release.content().toZip();
        try {
            Sql.inTransaction(dataSource, "store release " + summary.version(), connection -> {
                refuseUnlessAbove(versions(connection), summary.version());
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, summary.version().toString());
                    insert.setString(2, summary.contentHash());
                    Sql.setInstant(insert, 3, summary.createdAt());
                    insert.setString(4, summary.createdBy());
                    insert.setString(5, summary.comment());
                    insert.setInt(6, summary.ruleFiles());
                    insert.setLong(7, summary.contentBytes());
                    insert.setBytes(8, zip);
                    insert.executeUpdate();
                }
                ReleaseEvents.insert(connection, ReleaseEvent.now(summary.version(), ReleaseAction.CREATED,
                        summary.createdBy(), summary.createdAt(), summary.comment()));
                return null;
            });
        } catch (ReleaseStoreException e) {
            if (e.getCause() instanceof SQLException sql && Sql.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new ReleaseRefusedException("release " + summary.version()
                        + " exists already; releases are never replaced");
            }
            throw e;
        }
    }

    /** Every stored release without its files, the highest version first. */
    public List<ReleaseSummary> releases() {
        return Sql.inTransaction(dataSource, "list releases", connection -> {
            List<ReleaseSummary> releases = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement(LIST); ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    releases.add(summary(rows));
                }
            }
            releases.sort(Comparator.comparing(ReleaseSummary::version).reversed());
            return releases;
        });
    }

    /**
     * One release with its files, which are checked against the stored hash before they are handed out.
     *
     * @throws ReleaseContentException when the stored files are unreadable or do not match their hash
     */
    public Optional<Release> release(SemanticVersion version) {
        return Sql.inTransaction(dataSource, "read release " + version, connection -> read(connection, version));
    }

    /**
     * Refused unless {@code asked} is above every stored version, so that the order of versions is the order of
     * creation and "roll back to an earlier release" means what it says.
     */
    static void refuseUnlessAbove(List<SemanticVersion> stored, SemanticVersion asked) {
        if (stored.contains(asked)) {
            throw new ReleaseRefusedException("release " + asked + " exists already; releases are never replaced");
        }
        stored.stream().max(Comparator.naturalOrder()).filter(highest -> highest.compareTo(asked) > 0)
                .ifPresent(highest -> {
                    throw new ReleaseRefusedException("release " + asked + " not created: its version must be above "
                            + highest + ", the highest stored");
                });
    }

    private static List<SemanticVersion> versions(Connection connection) throws SQLException {
        List<SemanticVersion> versions = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(VERSIONS); ResultSet rows = list.executeQuery()) {
            while (rows.next()) {
                versions.add(SemanticVersion.parse(rows.getString(1)));
            }
        }
        return versions;
    }

    private static Optional<Release> read(Connection connection, SemanticVersion version) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, version.toString());
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ReleaseSummary summary = summary(row);
                ReleaseContent content = ReleaseContent.fromZip(row.getBytes("content"));
                if (!content.hash().equals(summary.contentHash())) {
                    throw new ReleaseContentException("release " + version + " is stored with hash "
                            + summary.contentHash() + " but its files hash to " + content.hash());
                }
                return Optional.of(new Release(summary, content));
            }
        }
    }

    private static ReleaseSummary summary(ResultSet row) throws SQLException {
        return new ReleaseSummary(SemanticVersion.parse(row.getString("version")), row.getString("content_hash"),
                Sql.instant(row, "created_at"), row.getString("created_by"), row.getString("comment"),
                row.getInt("rule_files"), row.getLong("content_bytes"));
    }
}
