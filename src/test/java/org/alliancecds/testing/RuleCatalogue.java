package org.alliancecds.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The card rules as the published catalogue names them: the codes of the alliance-rules CodeSystem (the topics of
 * the cards). Tests count rules from here, so that adding or retiring a rule changes one file, not the tests.
 */
public final class RuleCatalogue {

    private static final Path CODE_SYSTEM = Path.of("fhir-profiles/codesystems/alliance-rules.json");

    private RuleCatalogue() {
    }

    /** Every rule id of the catalogue. */
    public static Set<String> ruleIds() {
        try {
            JsonNode codeSystem = new ObjectMapper().readTree(CODE_SYSTEM.toFile());
            Set<String> ids = new TreeSet<>();
            codeSystem.path("concept").forEach(concept -> ids.add(concept.path("code").asText()));
            if (ids.isEmpty()) {
                throw new IllegalStateException(CODE_SYSTEM + " names no rule");
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
