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
