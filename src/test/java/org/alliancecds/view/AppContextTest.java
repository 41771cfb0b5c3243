package org.alliancecds.view;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many EHRs pass no appContext, or one of their own: the view then opens on its overview, never on an error. */
class AppContextTest {

    @Test
    void aCardsAppContextNamesItsRule() {
        assertEquals(Optional.of("NOT-ON-TRACK"), AppContext.rule("{\"rule\":\"NOT-ON-TRACK\"}"));
        assertEquals(Optional.of("ALLIANCE-RUPTURE"), AppContext.rule(" {\"rule\": \"ALLIANCE-RUPTURE\", \"x\": 1} "));
    }

    @Test
    void absentMalformedOrForeignAppContextIsNoRule() {
        for (Object appContext : new Object[] {null, "", "  ", "NOT-ON-TRACK", "{\"rule\":", "{\"rule\":1}",
                "{\"rule\":\"<script>\"}", "{\"rule\":\"not-on-track\"}", "[\"NOT-ON-TRACK\"]", "{\"other\":\"x\"}",
                java.util.Map.of("rule", "NOT-ON-TRACK")}) {
            assertEquals(Optional.empty(), AppContext.rule(appContext), String.valueOf(appContext));
        }
    }
}
