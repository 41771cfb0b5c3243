package org.alliancecds.admin;

import org.alliancecds.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** One answer for "off" and "wrong token"; refusals limited per address; the right token names its admin. */
class AdminGateTest {

    private static final String ADDRESS = "192.0.2.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AdminRefusals refusals = new AdminRefusals(3, clock);
    private final AdminGate demo = new AdminGate(AdminCredentials.demoToken("demo"), refusals);

    @Test
    void offAndAWrongTokenAreTheSameRefusal() {
        AdminGate off = new AdminGate(AdminCredentials.none(), new AdminRefusals(3, clock));
        assertInstanceOf(AdminGate.Refused.class, off.decide(ADDRESS, "Bearer demo"));
        assertInstanceOf(AdminGate.Refused.class, demo.decide(ADDRESS, "Bearer wrong"));
    }

    @Test
    void theRightTokenNamesItsAdmin() {
        assertEquals(new AdminGate.Granted("demo"), demo.decide(ADDRESS, "Bearer demo"));
    }

    @Test
    void pastTheLimitAnAddressWaitsForTheRestOfItsMinuteEvenWithTheRightToken() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertInstanceOf(AdminGate.Refused.class, demo.decide(ADDRESS, "Bearer guess-" + attempt));
            clock.advance(Duration.ofSeconds(10));
        }
        AdminGate.Decision blocked = demo.decide(ADDRESS, "Bearer demo");
        assertEquals(new AdminGate.TooMany(Duration.ofSeconds(30)), blocked);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(new AdminGate.Granted("demo"), demo.decide(ADDRESS, "Bearer demo"));
    }

    /** Negative control: another address is not held up by this one's refusals, nor are granted calls counted. */
    @Test
    void theLimitIsPerAddressAndCountsRefusalsOnly() {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertEquals(new AdminGate.Granted("demo"), demo.decide(ADDRESS, "Bearer demo"));
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            demo.decide(ADDRESS, "Bearer guess");
        }
        assertInstanceOf(AdminGate.TooMany.class, demo.decide(ADDRESS, "Bearer guess"));
        assertEquals(new AdminGate.Granted("demo"), demo.decide("198.51.100.9", "Bearer demo"));
    }
}
