package org.alliancecds.admin;

import org.alliancecds.check.ScenarioCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case files offered by the console, and reading one of them by its two names and by nothing else. */
class ScenarioFilesTest {

    private static final Path RULES = Path.of("rules");
    private final ScenarioFiles files = new ScenarioFiles(RULES);

    @Test
    void listsEveryCaseWithItsDescriptionAndExpectedRules() {
        List<ScenarioFiles.Entry> entries = files.list();
        assertEquals(ScenarioCases.read(RULES, LocalDate.now()).size(), entries.size());
        ScenarioFiles.Entry suicide = entries.stream()
                .filter(entry -> entry.rule().equals("SUICIDE-RISK-ITEM") && entry.file().equals("in-item9-at-1.json"))
                .findFirst().orElseThrow();
        assertEquals(List.of("SUICIDE-RISK-ITEM"), suicide.fires());
        assertTrue(suicide.description().startsWith("Latest PHQ-9 item 9 answered 1"), suicide.description());
    }

    @Test
    void readsACaseAsWritten() throws IOException {
        assertEquals(Files.readString(RULES.resolve("scenarios/SUICIDE-RISK-ITEM/in-item9-at-1.json")),
                files.read("SUICIDE-RISK-ITEM", "in-item9-at-1.json").orElseThrow());
    }

    @Test
    void readsNothingOutsideTheScenariosFolder() {
        assertTrue(files.read("..", "thresholds.csv").isEmpty());
        assertTrue(files.read("SUICIDE-RISK-ITEM", "../../thresholds.csv").isEmpty());
        assertTrue(files.read("SUICIDE-RISK-ITEM", "..").isEmpty());
        assertTrue(files.read("SUICIDE-RISK-ITEM", "missing.json").isEmpty());
        assertTrue(files.read("examples", "patient-view-mii-phq9.json").isEmpty());
    }
}
