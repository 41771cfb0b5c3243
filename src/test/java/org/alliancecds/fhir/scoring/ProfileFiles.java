package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The FHIR resources of a {@code fhir-profiles/} directory, by folder. */
final class ProfileFiles {

    static final String QUESTIONNAIRES = "questionnaires";
    static final String CODE_SYSTEMS = "codesystems";
    static final String PROFILES = "profiles";

    private ProfileFiles() {
    }

    /** The JSON files of one folder, sorted; none when the folder does not exist. */
    static List<Path> jsonFiles(Path profilesDirectory, String folder) {
        Path directory = profilesDirectory.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Resource read(Path file) {
        try {
            return TestProfiles.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Resource> readAll(Path profilesDirectory, String... folders) {
        return Stream.of(folders)
                .flatMap(folder -> jsonFiles(profilesDirectory, folder).stream())
                .map(ProfileFiles::read)
                .toList();
    }

    /** Our Questionnaires by canonical URL. */
    static Map<String, Questionnaire> questionnairesByUrl(Path profilesDirectory) {
        return readAll(profilesDirectory, QUESTIONNAIRES).stream()
                .map(Questionnaire.class::cast)
                .collect(Collectors.toMap(Questionnaire::getUrl, Function.identity()));
    }
}
