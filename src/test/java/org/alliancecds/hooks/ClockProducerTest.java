package org.alliancecds.hooks;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cds.zone: an IANA zone, the JVM's when unset, and a clear refusal of anything else. */
class ClockProducerTest {

    @Test
    void theSiteZoneIsTheSettingsOrTheJvms() {
        assertEquals(ZoneId.of("Europe/Berlin"), ClockProducer.siteZone(Optional.of("Europe/Berlin")));
        assertEquals(ZoneId.systemDefault(), ClockProducer.siteZone(Optional.empty()));
        assertEquals(ZoneId.systemDefault(), ClockProducer.siteZone(Optional.of(" ")));
    }

    @Test
    void aNameThatIsNoZoneIsRefusedWithTheReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClockProducer.siteZone(Optional.of("Mars/Olympus")));
        assertTrue(refused.getMessage().contains("cds.zone 'Mars/Olympus' is not an IANA time zone"),
                refused.getMessage());
    }
}
