package org.alliancecds.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may use the admin API: named credentials, one per informaticist, from the file {@code cds.admin.credentials}
 * (a JSON array of {@code {"name", "token_sha256"}}: the file holds SHA-256 digests of the tokens, never the tokens),
 * or, for the demo run only, the one shared token {@code cds.admin.token}, acting as {@value #DEMO}. Without either
 * the admin API is off. A presented token is compared with every digest in constant time, so that neither which
 * credential nor how much of it matched shows in the time taken.
 */
final class AdminCredentials {

    /** The name the shared demo token acts under, in the audit and the log. */
    static final String DEMO = "demo";
    static final String SCHEME = "Bearer ";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("name", "token_sha256");
    private static final byte[] NO_MATCH = new byte[32];

    private record Credential(String name, byte[] digest) {
    }

    private final List<Credential> credentials;

    private AdminCredentials(List<Credential> credentials) {
        this.credentials = List.copyOf(credentials);
    }

    static AdminCredentials none() {
        return new AdminCredentials(List.of());
    }

    /** The shared demo token; blank is none. */
    static AdminCredentials demoToken(String token) {
        return token == null || token.isBlank() ? none()
                : new AdminCredentials(List.of(new Credential(DEMO, digest(token.trim()))));
    }

    static AdminCredentials read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the admin credentials file " + file + ": "
                    + e.getMessage());
        }
    }

    /** Read strictly: a mistake must turn the admin API off, never let in someone the operator did not name. */
    static AdminCredentials parse(String json) {
        JsonNode entries;
        try {
            entries = AdminJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the admin credentials file is not JSON: " + e.getOriginalMessage());
        }
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("the admin credentials file must hold a JSON array");
        }
        List<Credential> credentials = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (int index = 0; index < entries.size(); index++) {
            JsonNode entry = entries.get(index);
            String where = "admin credential " + index;
            if (!entry.isObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            entry.fieldNames().forEachRemaining(field -> {
                if (!FIELDS.contains(field)) {
                    throw new IllegalArgumentException(where + " has an unknown field '" + field + "'");
                }
            });
            String name = entry.path("name").asText("");
            String hex = entry.path("token_sha256").asText("");
            if (!entry.path("name").isTextual() || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": 'name' must be 1 to 64 letters, digits or ._@-");
            }
            if (!entry.path("token_sha256").isTextual() || !SHA256_HEX.matcher(hex).matches()) {
                throw new IllegalArgumentException(where + " (" + name + "): 'token_sha256' must be 64 lower-case "
                        + "hex digits, the SHA-256 of the token");
            }
            if (!names.add(name) || !digests.add(hex)) {
                throw new IllegalArgumentException(where + " (" + name + ") repeats a name or a token");
            }
            credentials.add(new Credential(name, HexFormat.of().parseHex(hex)));
        }
        return new AdminCredentials(credentials);
    }

    /** Whether any credential exists: without one the admin API is off. */
    boolean any() {
        return !credentials.isEmpty();
    }

    int size() {
        return credentials.size();
    }

    /** The name of the credential an {@code Authorization} header presents, if it presents one of ours. */
    Optional<String> check(String authorizationHeader) {
        boolean bearer = authorizationHeader != null
                && authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        byte[] presented = bearer ? digest(authorizationHeader.substring(SCHEME.length()).trim()) : NO_MATCH;
        String granted = null;
        // Every digest is compared, whatever matched before, so the time taken says nothing about which did.
        for (Credential credential : credentials) {
            if (MessageDigest.isEqual(credential.digest(), presented) && bearer) {
                granted = credential.name();
            }
        }
        return Optional.ofNullable(granted);
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
