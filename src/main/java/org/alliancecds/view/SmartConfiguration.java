package org.alliancecds.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an EHR's {@code .well-known/smart-configuration} says that the view needs (SMART App Launch 2.0): where to
 * send the browser, where to exchange the code, whether PKCE S256 is offered, and which scope forms it knows.
 */
public record SmartConfiguration(URI authorizationEndpoint, URI tokenEndpoint, List<String> challengeMethods,
                                 List<String> scopesSupported) {

    /** The v2 scopes the view asks for; the v1 forms replace {@code .rs} by {@code .read}. */
    static final List<String> DATA_SCOPES = List.of("patient/QuestionnaireResponse.rs", "patient/Observation.rs",
            "patient/EpisodeOfCare.rs");

    private static final ObjectMapper JSON = new ObjectMapper();

    public SmartConfiguration {
        challengeMethods = List.copyOf(challengeMethods);
        scopesSupported = List.copyOf(scopesSupported);
    }

    /** The document, or a problem naming what is missing. */
    static SmartConfiguration parse(String json) {
        try {
            JsonNode config = JSON.readTree(json);
            URI authorize = endpoint(config, "authorization_endpoint");
            URI token = endpoint(config, "token_endpoint");
            return new SmartConfiguration(authorize, token, strings(config.path("code_challenge_methods_supported")),
                    strings(config.path("scopes_supported")));
        } catch (JsonProcessingException e) {
            throw unusable("it is not JSON");
        }
    }

    /** SMART App Launch 2.0 requires S256; the view does not launch without it (no plain, no PKCE-less flow). */
    SmartConfiguration requireS256() {
        if (!challengeMethods.contains("S256")) {
            throw unusable("it does not offer PKCE with S256 (code_challenge_methods_supported)");
        }
        return this;
    }

    /**
     * The scopes to ask for: {@code launch} for an EHR launch, {@code launch/patient} for a standalone one, and the
     * data scopes in the v2 form, or the v1 {@code .read} form where the server lists scopes and not the v2 ones.
     */
    String scopes(boolean standalone) {
        boolean v1Only = !scopesSupported.isEmpty()
                && DATA_SCOPES.stream().noneMatch(scopesSupported::contains)
                && DATA_SCOPES.stream().map(SmartConfiguration::v1).anyMatch(scopesSupported::contains);
        List<String> scopes = new ArrayList<>(List.of(standalone ? "launch/patient" : "launch", "openid", "fhirUser"));
        DATA_SCOPES.stream().map(scope -> v1Only ? v1(scope) : scope).forEach(scopes::add);
        return String.join(" ", scopes);
    }

    private static String v1(String v2) {
        return v2.replace(".rs", ".read");
    }

    private static URI endpoint(JsonNode config, String field) {
        String text = config.path(field).asText("");
        Optional<URI> url = Optional.of(text).filter(value -> value.startsWith("https://")
                || value.startsWith("http://")).map(value -> {
                    try {
                        return URI.create(value);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }).filter(uri -> uri.getHost() != null);
        return url.orElseThrow(() -> unusable("it has no usable " + field));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static ViewProblem unusable(String why) {
        return new ViewProblem(502, "smart-configuration", "The EHR's SMART configuration cannot be used: " + why
                + ". Ask the EHR's administrators.");
    }
}
