package org.alliancecds.hooks.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import org.alliancecds.fhir.AllowedServer;
import org.alliancecds.fhir.AllowedServers;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trusted-issuers file: a JSON array of
 * {@code {iss, jwks_uri?, jwks?, jku_allowed?: [urls],
 * fhir_servers?: [url or {url, allow_http?, allow_private?, authorization_servers?: [origins]}]}}.
 * Read strictly: a mistake in it must stop authentication rather than quietly trust less (or more) than the operator
 * meant. Key URLs must be https (plain http is accepted for loopback hosts only, for tests and local demos), inline
 * key sets must hold public asymmetric keys only. FHIR servers are {@link AllowedServer} entries: https unless
 * {@code allow_http}, public addresses unless {@code allow_private}; their SMART authorization server on their own
 * origin or on one of their {@code authorization_servers}, under the same two flags.
 */
public final class TrustedIssuers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> FIELDS = Set.of("iss", "jwks_uri", "jwks", "jku_allowed", "fhir_servers");
    private static final Set<String> SERVER_FIELDS = Set.of("url", "allow_http", "allow_private",
            "authorization_servers");

    private final Map<String, TrustedIssuer> byIssuer;

    private TrustedIssuers(Map<String, TrustedIssuer> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    public static TrustedIssuers read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the trusted issuers file " + file + ": " + e.getMessage());
        }
    }

    public static TrustedIssuers parse(String json) {
        JsonNode entries;
        try {
            entries = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the trusted issuers file is not JSON: " + e.getOriginalMessage());
        }
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("the trusted issuers file must hold a JSON array of issuers");
        }
        Map<String, TrustedIssuer> byIssuer = new LinkedHashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            TrustedIssuer issuer = entry(entries.get(index), "entry " + index);
            if (byIssuer.put(issuer.issuer(), issuer) != null) {
                throw new IllegalArgumentException("issuer " + issuer.issuer() + " is listed twice");
            }
        }
        return new TrustedIssuers(byIssuer);
    }

    public Optional<TrustedIssuer> get(String issuer) {
        return Optional.ofNullable(issuer).map(byIssuer::get);
    }

    public int size() {
        return byIssuer.size();
    }

    /** The FHIR servers of every issuer together. */
    public AllowedServers allFhirServers() {
        return new AllowedServers(byIssuer.values().stream()
                .flatMap(issuer -> issuer.fhirServers().entries().stream()).toList());
    }

    private static TrustedIssuer entry(JsonNode entry, String position) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException(position + " must be an object");
        }
        entry.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(position + " has an unknown field '" + field + "'");
            }
        });
        JsonNode iss = entry.path("iss");
        if (!iss.isTextual() || iss.asText().isBlank()) {
            throw new IllegalArgumentException(position + ": 'iss' is required");
        }
        String where = "issuer " + iss.asText();
        URI jwksUri = entry.has("jwks_uri") ? keyUrl(entry.get("jwks_uri"), where + ": jwks_uri") : null;
        JWKSet jwks = entry.has("jwks") ? jwks(entry.get("jwks"), where) : null;
        Set<URI> jku = new HashSet<>();
        for (JsonNode url : entry.path("jku_allowed")) {
            jku.add(keyUrl(url, where + ": jku_allowed"));
        }
        if (jwksUri != null && jwks != null) {
            throw new IllegalArgumentException(where + ": give 'jwks_uri' or 'jwks', not both");
        }
        if (jwksUri == null && jwks == null && jku.isEmpty()) {
            throw new IllegalArgumentException(where + ": give 'jwks_uri', 'jwks' or 'jku_allowed'");
        }
        return new TrustedIssuer(iss.asText(), jwksUri, jwks, jku, fhirServers(entry.get("fhir_servers"), where));
    }

    private static AllowedServers fhirServers(JsonNode servers, String where) {
        if (servers == null) {
            return AllowedServers.NONE;
        }
        if (!servers.isArray()) {
            throw new IllegalArgumentException(where + ": 'fhir_servers' must be an array");
        }
        List<AllowedServer> entries = new ArrayList<>();
        for (JsonNode server : servers) {
            entries.add(fhirServer(server, where + ": fhir_servers"));
        }
        return new AllowedServers(entries);
    }

    private static AllowedServer fhirServer(JsonNode server, String where) {
        if (server.isTextual()) {
            return allowedServer(server.asText(), false, false, where);
        }
        if (!server.isObject() || !server.path("url").isTextual()) {
            throw new IllegalArgumentException(where + ": each entry is a URL or an object with a 'url'");
        }
        server.fieldNames().forEachRemaining(field -> {
            if (!SERVER_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "'");
            }
        });
        boolean allowHttp = flag(server, "allow_http", where);
        AllowedServer allowed = allowedServer(server.get("url").asText(), allowHttp,
                flag(server, "allow_private", where), where);
        try {
            return allowed.withAuthorizationServers(origins(server.get("authorization_servers"), where), allowHttp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static List<String> origins(JsonNode origins, String where) {
        if (origins == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        origins.forEach(origin -> texts.add(origin.isTextual() ? origin.asText() : null));
        if (!origins.isArray() || texts.contains(null)) {
            throw new IllegalArgumentException(where + ": 'authorization_servers' must be an array of origins");
        }
        return texts;
    }

    private static boolean flag(JsonNode server, String field, String where) {
        JsonNode value = server.get(field);
        if (value != null && !value.isBoolean()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be true or false");
        }
        return value != null && value.asBoolean();
    }

    private static AllowedServer allowedServer(String url, boolean allowHttp, boolean allowPrivate, String where) {
        try {
            return AllowedServer.of(url, allowHttp, allowPrivate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static URI keyUrl(JsonNode value, String where) {
        try {
            URI url = new URI(value.asText());
            boolean https = "https".equals(url.getScheme());
            boolean localHttp = "http".equals(url.getScheme()) && LOOPBACK.contains(String.valueOf(url.getHost()));
            if (!value.isTextual() || url.getHost() == null || !(https || localHttp)) {
                throw new IllegalArgumentException(where + " must be an https URL (http only on loopback): " + value);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a URL: " + value);
        }
    }

    private static JWKSet jwks(JsonNode value, String where) {
        JWKSet set;
        try {
            set = JWKSet.parse(value.toString());
        } catch (ParseException e) {
            throw new IllegalArgumentException(where + ": 'jwks' is not a JWK set: " + e.getMessage());
        }
        for (JWK key : set.getKeys()) {
            if (key.isPrivate() || KeyType.OCT.equals(key.getKeyType())) {
                throw new IllegalArgumentException(where + ": 'jwks' may hold public keys only (key "
                        + key.getKeyID() + " is private or symmetric)");
            }
        }
        return set;
    }
}
