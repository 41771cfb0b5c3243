package org.alliancecds.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code rules/evidence.csv}: id, citation, url (url may be empty). */
final class EvidenceList {

    static final String FILE = "evidence.csv";
    private static final List<String> COLUMNS = List.of("id", "citation", "url");

    private EvidenceList() {
    }

    static Map<String, Evidence> read(Path rulesDirectory, List<RuleProblem> problems) {
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        for (CsvTables.Row row : CsvTables.read(rulesDirectory.resolve(FILE), COLUMNS, problems)) {
            String id = row.cell("id");
            if (id.isEmpty() || row.cell("citation").isEmpty()) {
                problems.add(new RuleProblem(FILE, row.line(), "id and citation are required"));
            } else if (evidence.putIfAbsent(id, new Evidence(id, row.cell("citation"), row.cell("url"))) != null) {
                problems.add(new RuleProblem(FILE, row.line(), "evidence '" + id + "' is listed twice"));
            }
        }
        return evidence;
    }
}
