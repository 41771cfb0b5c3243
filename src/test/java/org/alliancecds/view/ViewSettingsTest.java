package org.alliancecds.view;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ViewSettingsTest {

    private static final URI CALLED = URI.create("http://127.0.0.1:8080/");

    private static ViewSettings settings(String redirect, String publicBase, String secret) {
        ViewSettings settings = new ViewSettings();
        settings.clientId = ViewSettings.DEFAULT_CLIENT_ID;
        settings.clientSecret = Optional.ofNullable(secret);
        settings.redirectUri = Optional.ofNullable(redirect);
        settings.publicBaseUrl = Optional.ofNullable(publicBase);
        settings.defaultIss = Optional.empty();
        return settings;
    }

    @Test
    void theRedirectUriIsTheSettingElseUnderThePublicBaseUrlAndAPathIsTakenOnTheCalledOrigin() {
        assertEquals(URI.create("https://cds.example.org/view/callback"),
                settings(null, "https://cds.example.org/", null).client(CALLED).redirectUri());
        assertEquals(URI.create("https://view.example.org/cb"),
                settings("https://view.example.org/cb", "https://cds.example.org", null).client(CALLED).redirectUri());
        assertEquals(URI.create("http://127.0.0.1:8080/view/callback"),
                settings("/view/callback", "https://cds.example.org", null).client(CALLED).redirectUri());
        assertEquals("not-configured", assertThrows(ViewProblem.class,
                () -> settings(null, null, null).client(CALLED)).problem());
    }

    @Test
    void aSecretMakesAConfidentialClientAndStaysOutOfItsText() {
        ViewClient confidential = settings(null, "https://cds.example.org", "s3cret").client(CALLED);
        assertEquals(true, confidential.confidential());
        assertEquals(false, confidential.toString().contains("s3cret"));
        assertEquals(false, settings(null, "https://cds.example.org", " ").client(CALLED).confidential());
    }
}
