package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The third-party test corpus under {@code src/test/resources/corpus} (origins in its MANIFEST.md). */
final class Corpus {

    static final String PHQ9 = "questionnaire-responses/mii-proms-QR-phq-9-response.json";
    static final String GAD7 = "questionnaire-responses/mii-proms-QR-gad-7-response.json";
    static final String CARDIOLOGY = "questionnaire-responses/sdc-QR-Cardiology-MariaSantos.json";
    static final String PHQ9_QUESTIONNAIRE = "questionnaires/mii-proms-Questionnaire-phq-9.json";

    /** The patient the MII PHQ-9 response is about. */
    static final String PHQ9_PATIENT = "example";
    /** The patient the MII GAD-7 response is about. */
    static final String GAD7_PATIENT = "mii-exa-pro-patient";

    private Corpus() {
    }

    static String text(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return Reply.MAPPER.readTree(text(file));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corpus file " + file + " is not JSON", e);
        }
    }

    /** A fresh, modifiable copy of a corpus resource. */
    static ObjectNode resource(String file) {
        return (ObjectNode) json(file);
    }

    // Rule base 2.0 reads only current scores as the patient now; the data stay the public example's.
    /**
     * A fresh, modifiable copy of a corpus resource as of today: its {@code authored} and {@code effectiveDateTime}
     * (at any depth, so a Bundle's entries too) moved to now, in this machine's zone, which is the service's.
     */
    static ObjectNode recentJson(String file) {
        ObjectNode resource = resource(file);
        // the formatter, unlike toString, keeps ":00" seconds, which a FHIR dateTime with a time needs
        String now = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> moved = new ArrayList<>();
        moveToNow(resource, now, moved);
        if (moved.isEmpty()) {
            throw new IllegalArgumentException("corpus file " + file + " has no date to move");
        }
        return resource;
    }

    /** {@link #recentJson} as text, for a FHIR server to serve. */
    static String recentText(String file) {
        return recentJson(file).toString();
    }

    private static void moveToNow(JsonNode node, String now, List<String> moved) {
        if (node instanceof ObjectNode object) {
            for (String field : List.of("authored", "effectiveDateTime")) {
                if (object.has(field)) {
                    object.put(field, now);
                    moved.add(field);
                }
            }
        }
        node.forEach(child -> moveToNow(child, now, moved));
    }

    /** File names in one corpus folder, sorted. */
    static List<String> files(String folder) {
        URL url = Corpus.class.getResource("/corpus/" + folder);
        if (url == null) {
            throw new IllegalArgumentException("no corpus folder " + folder);
        }
        try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
            return paths.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
