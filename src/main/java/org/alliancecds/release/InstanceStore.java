package org.alliancecds.release;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which version each instance of the cluster serves, from the heartbeats the instances write to the shared database,
 * so that the console can show it. An instance's row is updated in place; the first heartbeat inserts it.
 */
public final class InstanceStore {

    static final int ID_LENGTH = 128;

    private static final String UPDATE = "UPDATE rule_release_instance SET serving_version = ?, serving_since = ?,"
            + " seen_at = ? WHERE instance_id = ?";
    private static final String INSERT = "INSERT INTO rule_release_instance"
            + " (serving_version, serving_since, seen_at, instance_id) VALUES (?, ?, ?, ?)";
    private static final String LIST = "SELECT instance_id, serving_version, serving_since, seen_at"
            + " FROM rule_release_instance ORDER BY instance_id";

    private final DataSource dataSource;
    private final Clock clock;

    public InstanceStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records that the instance serves {@code version} since {@code since}, seen now. Update first, insert when no row
     * was there: the same two statements on H2 and PostgreSQL, where their upserts differ. Only the instance itself
     * writes its row, and one heartbeat at a time, so no other writer can insert it between the two.
     *
     * @param version the version served, or null when nothing is
     */
    public void heartbeat(String instanceId, String version, Instant since) {
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.length() > ID_LENGTH) {
            throw new IllegalArgumentException("an instance id is 1 to " + ID_LENGTH + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant servingSince = since == null ? null : since.truncatedTo(ChronoUnit.MILLIS);
        Sql.inTransaction(dataSource, "record the heartbeat of " + instanceId, connection -> {
            if (write(connection, UPDATE, instanceId, version, servingSince, now) == 0) {
                write(connection, INSERT, instanceId, version, servingSince, now);
            }
            return null;
        });
    }

    /** Every instance that ever sent a heartbeat, by id; the caller judges by {@code seenAt} which are alive. */
    public List<InstanceHeartbeat> instances() {
        return Sql.inTransaction(dataSource, "list instances", connection -> {
            List<InstanceHeartbeat> instances = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement(LIST); ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    instances.add(new InstanceHeartbeat(rows.getString("instance_id"),
                            rows.getString("serving_version"), Sql.instant(rows, "serving_since"),
                            Sql.instant(rows, "seen_at")));
                }
            }
            return instances;
        });
    }

    private static int write(Connection connection, String sql, String instanceId, String version, Instant since,
                             Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, version);
            Sql.setInstant(statement, 2, since);
            Sql.setInstant(statement, 3, now);
            statement.setString(4, instanceId);
            return statement.executeUpdate();
        }
    }
}
