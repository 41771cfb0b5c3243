package org.alliancecds.release;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps taken with releases, appended and never changed, and what they decide: the release serving at any time
 * (the latest activation or roll-back in effect by then, later recorded winning a tie) and the one in shadow now
 * (the latest started, unless stopped since). Plain JDBC on the shared database, so every instance reads the same.
 */
public final class ReleaseEvents {

    private static final String COLUMNS = "id, version, action, admin_name, recorded_at, comment, effective_at";
    private static final String INSERT = "INSERT INTO rule_release_event"
            + " (version, action, admin_name, recorded_at, comment, effective_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String ALL = "SELECT " + COLUMNS + " FROM rule_release_event";
    private static final String SERVING = " WHERE action IN ('activated', 'rolled-back')";
    private static final String ACTIVE_AT = ALL + SERVING + " AND effective_at <= ?"
            + " ORDER BY effective_at DESC, id DESC FETCH FIRST 1 ROWS ONLY";
    private static final String NEXT_AFTER = ALL + SERVING + " AND effective_at > ?"
            + " ORDER BY effective_at, id FETCH FIRST 1 ROWS ONLY";
    private static final String LATEST_SHADOW_START = ALL + " WHERE action = 'shadow-started'"
            + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY";
    private static final String STORED = "SELECT COUNT(*) FROM rule_release WHERE version = ?";
    private static final String STOPPED_SINCE = "SELECT COUNT(*) FROM rule_release_event"
            + " WHERE action = 'shadow-stopped' AND version = ? AND id > ?";

    private final DataSource dataSource;
    private final Clock clock;

    public ReleaseEvents(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Appends a step.
     *
     * @return the step as stored, with its number
     * @throws ReleaseRefusedException when no release of its version is stored
     */
    public ReleaseEvent record(ReleaseEvent event) {
        return Sql.inTransaction(dataSource, "record " + event.action().code(), connection -> {
            refuseUnlessStored(connection, event.version());
            return insert(connection, event);
        });
    }

    /** Every step, the latest recorded first. */
    public List<ReleaseEvent> events() {
        return query(ALL + " ORDER BY id DESC", null);
    }

    /** The steps taken with one release, the latest recorded first. */
    public List<ReleaseEvent> events(SemanticVersion version) {
        return query(ALL + " WHERE version = ? ORDER BY id DESC", version.toString());
    }

    /** The activation or roll-back that decides which release serves at {@code time}; empty before the first. */
    public Optional<ReleaseEvent> activeAt(Instant time) {
        return query(ACTIVE_AT, time).stream().findFirst();
    }

    /** The next activation or roll-back to take effect after {@code time}: a scheduled one, if any. */
    public Optional<ReleaseEvent> scheduledAfter(Instant time) {
        return query(NEXT_AFTER, time).stream().findFirst();
    }

    /** The "shadow-started" step of the release in shadow now; empty when none is. */
    public Optional<ReleaseEvent> shadowCandidate() {
        return Sql.inTransaction(dataSource, "read the shadow candidate", ReleaseEvents::candidate);
    }

    /**
     * Puts a release in shadow. One candidate at a time: one already in shadow is stopped first, and both steps are
     * recorded (by the same admin, with the same comment), in one transaction.
     *
     * @return the "shadow-started" step
     * @throws ReleaseRefusedException when that release is in shadow already, or not stored
     */
    public ReleaseEvent startShadow(SemanticVersion version, String admin, String comment) {
        Instant now = clock.instant();
        ReleaseEvent start = ReleaseEvent.now(version, ReleaseAction.SHADOW_STARTED, admin, now, comment);
        return Sql.inTransaction(dataSource, "start a shadow run", connection -> {
            refuseUnlessStored(connection, version);
            Optional<ReleaseEvent> running = candidate(connection);
            if (running.filter(event -> event.version().equals(version)).isPresent()) {
                throw new ReleaseRefusedException("release " + version + " is in shadow already");
            }
            if (running.isPresent()) {
                insert(connection, ReleaseEvent.now(running.get().version(), ReleaseAction.SHADOW_STOPPED, admin, now,
                        comment));
            }
            return insert(connection, start);
        });
    }

    /**
     * Stops the shadow run.
     *
     * @return the "shadow-stopped" step
     * @throws ReleaseRefusedException when no release is in shadow
     */
    public ReleaseEvent stopShadow(String admin, String comment) {
        Instant now = clock.instant();
        Required.admin(admin);
        Required.comment(comment);
        return Sql.inTransaction(dataSource, "stop the shadow run", connection -> {
            ReleaseEvent running = candidate(connection).orElseThrow(() ->
                    new ReleaseRefusedException("no release is in shadow"));
            return insert(connection, ReleaseEvent.now(running.version(), ReleaseAction.SHADOW_STOPPED, admin, now,
                    comment));
        });
    }

    static ReleaseEvent insert(Connection connection, ReleaseEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, event.version().toString());
            insert.setString(2, event.action().code());
            insert.setString(3, event.admin());
            Sql.setInstant(insert, 4, event.at());
            insert.setString(5, event.comment());
            Sql.setInstant(insert, 6, event.effectiveAt());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new ReleaseEvent(keys.getLong("id"), event.version(), event.action(), event.admin(),
                        event.at(), event.comment(), event.effectiveAt());
            }
        }
    }

    /** Refused by the step's code rather than by the foreign key, whose SQL state H2 and PostgreSQL spell apart. */
    private static void refuseUnlessStored(Connection connection, SemanticVersion version) throws SQLException {
        try (PreparedStatement stored = connection.prepareStatement(STORED)) {
            stored.setString(1, version.toString());
            try (ResultSet count = stored.executeQuery()) {
                count.next();
                if (count.getLong(1) == 0) {
                    throw new ReleaseRefusedException("no release " + version + " is stored");
                }
            }
        }
    }

    private static Optional<ReleaseEvent> candidate(Connection connection) throws SQLException {
        List<ReleaseEvent> latest = query(connection, LATEST_SHADOW_START, null);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        ReleaseEvent started = latest.get(0);
        try (PreparedStatement stopped = connection.prepareStatement(STOPPED_SINCE)) {
            stopped.setString(1, started.version().toString());
            stopped.setLong(2, started.id());
            try (ResultSet count = stopped.executeQuery()) {
                count.next();
                return count.getLong(1) == 0 ? Optional.of(started) : Optional.empty();
            }
        }
    }

    private List<ReleaseEvent> query(String sql, Object parameter) {
        return Sql.inTransaction(dataSource, "read release steps", connection -> query(connection, sql, parameter));
    }

    private static List<ReleaseEvent> query(Connection connection, String sql, Object parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter instanceof Instant time) {
                Sql.setInstant(statement, 1, time);
            } else if (parameter != null) {
                statement.setString(1, parameter.toString());
            }
            List<ReleaseEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new ReleaseEvent(rows.getLong("id"), SemanticVersion.parse(rows.getString("version")),
                            ReleaseAction.ofCode(rows.getString("action")), rows.getString("admin_name"),
                            Sql.instant(rows, "recorded_at"), rows.getString("comment"),
                            Sql.instant(rows, "effective_at")));
                }
            }
            return events;
        }
    }
}
