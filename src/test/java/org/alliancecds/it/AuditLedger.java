package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every hook call and feedback post the ITs send, one JSON line each, in the file failsafe names in
 * {@code audit.ledger}: {@link AuditCompletenessIT} checks afterwards that the audit kept each one. Without that
 * property (a single IT run from an IDE) nothing is recorded.
 */
final class AuditLedger {

    private static final Pattern HOOK = Pattern.compile("/?cds-services/[^/?]+");
    private static final Pattern FEEDBACK = Pattern.compile("/?cds-services/[^/?]+/feedback");

    /**
     * One request as the audit must show it.
     *
     * @param kind         {@code hook} or {@code feedback}
     * @param status       the status the service answered
     * @param hookInstance the body's hookInstance, when it had one as a string
     * @param items        for feedback: card uuid and outcome of each item
     */
    record Entry(String kind, int status, String hookInstance, List<List<String>> items) {
    }

    private AuditLedger() {
    }

    static synchronized void record(String path, String body, int status) {
        String file = System.getProperty("audit.ledger");
        if (file == null) {
            return;
        }
        String kind = HOOK.matcher(path).matches() ? "hook" : FEEDBACK.matcher(path).matches() ? "feedback" : null;
        if (kind == null) {
            return;
        }
        ObjectNode line = Reply.MAPPER.createObjectNode().put("kind", kind).put("status", status);
        JsonNode json = parse(body);
        if (json.path("hookInstance").isTextual()) {
            line.put("hookInstance", json.path("hookInstance").asText());
        }
        if ("feedback".equals(kind) && status == 200) {
            json.path("feedback").forEach(item -> line.withArray("items").addArray()
                    .add(item.path("card").asText()).add(item.path("outcome").asText()));
        }
        try {
            // Escaped to ASCII: a fuzzed hookInstance may hold a lone surrogate, which UTF-8 cannot encode.
            String ascii = Reply.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(line);
            Files.writeString(Path.of(file), ascii + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit ledger " + file, e);
        }
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode json = Reply.MAPPER.readTree(line);
            List<List<String>> items = new ArrayList<>();
            json.path("items").forEach(item -> items.add(List.of(item.get(0).asText(), item.get(1).asText())));
            entries.add(new Entry(json.path("kind").asText(), json.path("status").asInt(),
                    json.path("hookInstance").textValue(), items));
        }
        return entries;
    }

    private static JsonNode parse(String body) {
        try {
            return Reply.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return Reply.MAPPER.missingNode();
        }
    }
}
