package org.alliancecds.release;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReleaseStatesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final SemanticVersion FIRST = SemanticVersion.parse("2.0.0");
    private static final SemanticVersion SECOND = SemanticVersion.parse("2.1.0");
    private static final SemanticVersion THIRD = SemanticVersion.parse("2.2.0");
    private static final SemanticVersion FOURTH = SemanticVersion.parse("3.0.0");

    @Test
    void eachReleaseStandsWhereItsStepsPutIt() {
        List<ReleaseEvent> history = List.of(
                ReleaseEvent.activation(THIRD, "it-informaticist", NOW, "tonight", NOW.plusSeconds(3600)),
                ReleaseEvent.activation(SECOND, "it-informaticist", NOW.minusSeconds(60), "reviewed",
                        NOW.minusSeconds(55)),
                ReleaseEvent.activation(FIRST, "installation", NOW.minusSeconds(600), "first", NOW.minusSeconds(600)));
        ReleaseStates states = new ReleaseStates(NOW, Optional.of(SECOND), Optional.of(FOURTH), history);
        assertEquals(ReleaseState.ACTIVE, states.of(SECOND));
        assertEquals(ReleaseState.RETIRED, states.of(FIRST));
        assertEquals(ReleaseState.SCHEDULED, states.of(THIRD));
        assertEquals(ReleaseState.SHADOW, states.of(FOURTH));
        assertEquals(ReleaseState.DRAFT, states.of(SemanticVersion.parse("3.1.0")));
    }
}
