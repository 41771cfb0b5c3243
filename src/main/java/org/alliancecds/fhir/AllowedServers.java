package org.alliancecds.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FHIR servers one caller may name as {@code fhirServer}: for an authenticated EHR, the {@code fhir_servers} of
 * its trusted issuer; with authentication off, the setting {@code cds.fhir.allowed-servers}. A server not covered is
 * never contacted, so the service cannot be used to reach URLs its operator did not list.
 */
public record AllowedServers(List<AllowedServer> entries) {

    /** Nothing allowed: the default, and what a caller whose issuer lists no servers gets. */
    public static final AllowedServers NONE = new AllowedServers(List.of());

    private static final String ALLOW_HTTP = "allow-http";
    private static final String ALLOW_PRIVATE = "allow-private";
    private static final String AUTHORIZATION_SERVER = "authorization-server=";

    public AllowedServers {
        entries = List.copyOf(entries);
    }

    /** The entry that covers the URL, if any (the first, when several do). */
    public Optional<AllowedServer> covering(String fhirServer) {
        return entries.stream().filter(entry -> entry.covers(fhirServer)).findFirst();
    }

    /**
     * The setting's form: entries separated by commas, each a base URL optionally followed by the words
     * {@code allow-http}, {@code allow-private} and {@code authorization-server=<origin>} (as often as needed: the
     * origins its SMART authorization server may be on besides its own), e.g.
     * {@code https://fhir.example.org/r4 authorization-server=https://auth.example.org,
     * http://127.0.0.1:8080/fhir allow-http allow-private}. Blank is none.
     *
     * @throws IllegalArgumentException naming the entry that cannot be used
     */
    public static AllowedServers parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<AllowedServer> entries = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String[] words = entry.trim().split("\\s+");
            boolean allowHttp = false;
            boolean allowPrivate = false;
            List<String> authorizationServers = new ArrayList<>();
            for (int index = 1; index < words.length; index++) {
                String word = words[index];
                if (word.startsWith(AUTHORIZATION_SERVER)) {
                    authorizationServers.add(word.substring(AUTHORIZATION_SERVER.length()));
                    continue;
                }
                switch (word) {
                    case ALLOW_HTTP -> allowHttp = true;
                    case ALLOW_PRIVATE -> allowPrivate = true;
                    default -> throw new IllegalArgumentException("unknown word '" + word
                            + "' in the FHIR server entry '" + entry.trim() + "' (allowed: " + ALLOW_HTTP + ", "
                            + ALLOW_PRIVATE + ", " + AUTHORIZATION_SERVER + "<origin>)");
                }
            }
            entries.add(AllowedServer.of(words[0], allowHttp, allowPrivate)
                    .withAuthorizationServers(authorizationServers, allowHttp));
        }
        return new AllowedServers(entries);
    }
}
