package org.alliancecds.hooks.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trusted-issuers file: a JSON array of {@code {iss, jwks_uri?, jwks?, jku_allowed?: [urls]}}. Read strictly:
 * a mistake in it must stop authentication rather than quietly trust less (or more) than the operator meant.
 * Key URLs must be https (plain http is accepted for loopback hosts only, for tests and local demos), inline key
 * sets must hold public asymmetric keys only.
 */
public final class TrustedIssuers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> FIELDS = Set.of("iss", "jwks_uri", "jwks", "jku_allowed");

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
        return new TrustedIssuer(iss.asText(), jwksUri, jwks, jku);
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
