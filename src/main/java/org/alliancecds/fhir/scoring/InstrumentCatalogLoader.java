package org.alliancecds.fhir.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the scoring definitions ({@code scoring/*.json}) and form aliases ({@code aliases/*.json}) of a
 * {@code fhir-profiles/} directory. A file that does not read is reported with its name and position.
 */
public final class InstrumentCatalogLoader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private InstrumentCatalogLoader() {
    }

    public static InstrumentCatalog load(Path profilesDirectory) {
        List<ScoringDefinition> definitions = readAll(profilesDirectory.resolve("scoring"), ScoringDefinition.class);
        List<FormAlias> aliases = readAll(profilesDirectory.resolve("aliases"), FormAlias.class);
        return new InstrumentCatalog(definitions, aliases);
    }

    private static <T> List<T> readAll(Path directory, Class<T> type) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<T> read = new ArrayList<>();
        for (Path file : jsonFiles(directory)) {
            try {
                read.add(JSON.readValue(file.toFile(), type));
            } catch (IOException e) {
                throw new ProfileException(file, e.getMessage());
            }
        }
        return read;
    }

    private static List<Path> jsonFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
