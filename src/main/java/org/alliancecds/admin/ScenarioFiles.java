package org.alliancecds.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.check.ScenarioCases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenario case files of a rules directory ({@code scenarios/<RULE-ID>/<file>.json}), listed for the console
 * and read one at a time as written, {@code {{today-N}}} dates and all.
 */
final class ScenarioFiles {

    private static final Pattern RULE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.json");

    /**
     * One case file.
     *
     * @param rule        the rule folder it is in
     * @param file        its file name
     * @param description what it shows, or why it cannot be read
     * @param fires       the rules it expects to fire
     */
    record Entry(String rule, String file, String description, List<String> fires) {
    }

    private final Path folder;

    ScenarioFiles(Path rulesDirectory) {
        this.folder = rulesDirectory.resolve(ScenarioCases.FOLDER);
    }

    List<Entry> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(file -> file.getNameCount() == folder.getNameCount() + 2)
                    .filter(file -> named(file.getParent().getFileName().toString(), file.getFileName().toString()))
                    .sorted().map(this::entry).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or empty when the names are not a case file's or no such file exists. */
    Optional<String> read(String rule, String file) {
        if (!named(rule, file)) {
            return Optional.empty();
        }
        Path path = folder.resolve(rule).resolve(file).normalize();
        if (!path.startsWith(folder.normalize()) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean named(String rule, String file) {
        return RULE.matcher(rule).matches() && FILE.matcher(file).matches();
    }

    private Entry entry(Path file) {
        String rule = file.getParent().getFileName().toString();
        String name = file.getFileName().toString();
        try {
            JsonNode scenario = AdminJson.MAPPER.readTree(file.toFile());
            List<String> fires = new ArrayList<>();
            scenario.path("fires").forEach(id -> fires.add(id.asText()));
            return new Entry(rule, name, scenario.path("description").asText(""), fires);
        } catch (IOException e) {
            return new Entry(rule, name, "cannot be read: " + e.getMessage(), List.of());
        }
    }
}
