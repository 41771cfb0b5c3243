package org.alliancecds.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmartConfigurationTest {

    private static String config(String methods, String scopes) {
        return "{\"authorization_endpoint\":\"https://ehr.example/auth\","
                + "\"token_endpoint\":\"https://ehr.example/token\""
                + (methods == null ? "" : ",\"code_challenge_methods_supported\":" + methods)
                + (scopes == null ? "" : ",\"scopes_supported\":" + scopes) + "}";
    }

    @Test
    void withoutS256TheLaunchIsRefusedAndWithItItGoesOn() {
        for (String methods : new String[] {null, "[]", "[\"plain\"]"}) {
            ViewProblem refused = assertThrows(ViewProblem.class,
                    () -> SmartConfiguration.parse(config(methods, null)).requireS256());
            assertEquals("smart-configuration", refused.problem());
            assertTrue(refused.getMessage().contains("S256"), refused.getMessage());
        }
        SmartConfiguration.parse(config("[\"plain\",\"S256\"]", null)).requireS256();
    }

    @Test
    void v2ScopesUnlessTheServerListsOnlyTheV1Forms() {
        String v2 = "launch openid fhirUser patient/QuestionnaireResponse.rs patient/Observation.rs "
                + "patient/EpisodeOfCare.rs";
        assertEquals(v2, SmartConfiguration.parse(config("[\"S256\"]", null)).scopes(false));
        assertEquals(v2, SmartConfiguration.parse(config("[\"S256\"]", "[\"launch\",\"patient/Observation.rs\","
                + "\"patient/Observation.read\"]")).scopes(false));
        assertEquals("launch/patient openid fhirUser patient/QuestionnaireResponse.read patient/Observation.read "
                        + "patient/EpisodeOfCare.read",
                SmartConfiguration.parse(config("[\"S256\"]", "[\"launch/patient\",\"patient/Observation.read\","
                        + "\"patient/QuestionnaireResponse.read\"]")).scopes(true));
        assertEquals(v2.replace("launch ", "launch/patient "), SmartConfiguration.parse(config("[\"S256\"]",
                "[\"openid\"]")).scopes(true));
    }

    @Test
    void aConfigurationWithoutEndpointsOrNotJsonIsRefused() {
        for (String bad : new String[] {"{}", "not json", "{\"authorization_endpoint\":\"javascript:alert(1)\","
                + "\"token_endpoint\":\"https://ehr.example/token\"}"}) {
            assertEquals("smart-configuration", assertThrows(ViewProblem.class,
                    () -> SmartConfiguration.parse(bad)).problem());
        }
    }
}
