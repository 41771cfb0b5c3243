package org.alliancecds.release;

import org.alliancecds.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstanceStoreTest {

    private static final Instant START = Instant.parse("2026-12-06T09:00:00Z");

    private final ReleaseDatabase database = new ReleaseDatabase();
    private final MutableClock clock = new MutableClock(START);
    private final InstanceStore instances = new InstanceStore(database.dataSource, clock);

    @AfterEach
    void shutdown() throws SQLException {
        database.shutdown();
    }

    @Test
    void aHeartbeatInsertsTheInstanceOnceAndUpdatesItAfterwards() {
        instances.heartbeat("node-b", null, null);
        instances.heartbeat("node-a", "1.0.0", START);
        clock.advance(Duration.ofSeconds(5));
        instances.heartbeat("node-a", "2.0.0", START.plusSeconds(4));

        assertEquals(List.of(new InstanceHeartbeat("node-a", "2.0.0", START.plusSeconds(4), START.plusSeconds(5)),
                new InstanceHeartbeat("node-b", null, null, START)), instances.instances());
    }

    @Test
    void anInstanceNeedsAnId() {
        assertThrows(IllegalArgumentException.class, () -> instances.heartbeat(" ", "1.0.0", START));
        assertThrows(IllegalArgumentException.class, () -> instances.heartbeat("n".repeat(129), "1.0.0", START));
    }
}
