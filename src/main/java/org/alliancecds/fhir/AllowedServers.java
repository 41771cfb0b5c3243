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

    public AllowedServers {
        entries = List.copyOf(entries);
    }

    /** The entry that covers the URL, if any (the first, when several do). */
    public Optional<AllowedServer> covering(String fhirServer) {
        return entries.stream().filter(entry -> entry.covers(fhirServer)).findFirst();
    }

    /**
     * The setting's form: entries separated by commas, each a base URL optionally followed by the words
     * {@code allow-http} and {@code allow-private}, e.g.
     * {@code https://fhir.example.org/r4, http://127.0.0.1:8080/fhir allow-http allow-private}. Blank is none.
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
            for (int index = 1; index < words.length; index++) {
                switch (words[index]) {
                    case ALLOW_HTTP -> allowHttp = true;
                    case ALLOW_PRIVATE -> allowPrivate = true;
                    default -> throw new IllegalArgumentException("unknown word '" + words[index]
                            + "' in the FHIR server entry '" + entry.trim() + "' (allowed: " + ALLOW_HTTP + ", "
                            + ALLOW_PRIVATE + ")");
                }
            }
            entries.add(AllowedServer.of(words[0], allowHttp, allowPrivate));
        }
        return new AllowedServers(entries);
    }
}
