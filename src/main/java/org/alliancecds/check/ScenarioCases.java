package org.alliancecds.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alliancecds.hooks.WarmUp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the scenario cases under {@code rules/scenarios/}. Dates in a case are written relative to the day it runs
 * ({@code {{today}}}, {@code {{today-14}}} for fourteen days ago), because episodes are judged against today: a case
 * written with fixed dates would drift out of its episode as time passes.
 */
public final class ScenarioCases {

    public static final String FOLDER = "scenarios";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELATIVE_DAY = Pattern.compile("\\{\\{today(?:-(\\d+))?}}");

    private ScenarioCases() {
    }

    /** Every case, sorted by file; a file that cannot be read is an error the caller reports. */
    public static List<ScenarioCase> read(Path rulesDirectory, LocalDate today) {
        Path folder = rulesDirectory.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ScenarioCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                cases.add(read(folder, file, today));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /**
     * The calls that warm a generation up ({@link WarmUp}): the first case of each finding's folder, so that every
     * rule and instrument has run once. Cases that cannot be read are left out (the rules check names them).
     */
    public static List<WarmUp.Call> warmUpCalls(Path rulesDirectory, LocalDate today) {
        List<ScenarioCase> cases;
        try {
            cases = read(rulesDirectory, today);
        } catch (UncheckedIOException e) {
            return List.of();
        }
        Map<String, WarmUp.Call> firstPerFolder = new TreeMap<>();
        for (ScenarioCase scenario : cases) {
            firstPerFolder.putIfAbsent(scenario.file().replaceAll("/.*", ""),
                    new WarmUp.Call(scenario.serviceId(), scenario.request().toString()));
        }
        return List.copyOf(firstPerFolder.values());
    }

    private static ScenarioCase read(Path folder, Path file, LocalDate today) throws IOException {
        String name = folder.relativize(file).toString().replace('\\', '/');
        return parse(name, Files.readString(file), today);
    }

    /**
     * One case from its text, its dates resolved against {@code today}.
     *
     * @param name how to name it in messages: its file relative to the scenarios folder
     * @throws IOException when the text is not JSON or lacks the 'request' object or the 'fires' array
     */
    public static ScenarioCase parse(String name, String text, LocalDate today) throws IOException {
        JsonNode scenario = JSON.readTree(resolveDays(text, today));
        JsonNode request = scenario.path("request");
        if (!request.isObject() || !scenario.path("fires").isArray()) {
            throw new IOException(name + ": a case needs a 'request' object and a 'fires' array");
        }
        Set<String> fires = new LinkedHashSet<>();
        scenario.path("fires").forEach(rule -> fires.add(rule.asText()));
        List<String> cards = null;
        if (scenario.has("cards")) {
            cards = new ArrayList<>();
            for (JsonNode rule : scenario.path("cards")) {
                cards.add(rule.asText());
            }
        }
        Map<String, String> indicators = new TreeMap<>();
        scenario.path("indicators").fields().forEachRemaining(entry -> indicators.put(entry.getKey(),
                entry.getValue().asText()));
        Map<String, String> summaries = new TreeMap<>();
        scenario.path("summaries").fields().forEachRemaining(entry -> summaries.put(entry.getKey(),
                entry.getValue().asText()));
        return new ScenarioCase(name, scenario.path("description").asText(""), fires, cards, indicators, summaries,
                request);
    }

    /** The text with every {@code {{today}}} and {@code {{today-N}}} replaced by the date it means. */
    public static String resolveDays(String text, LocalDate today) {
        Matcher matcher = RELATIVE_DAY.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            int daysAgo = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
            matcher.appendReplacement(resolved, today.minusDays(daysAgo).toString());
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
