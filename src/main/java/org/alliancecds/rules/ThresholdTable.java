package org.alliancecds.rules;

import org.alliancecds.facts.Threshold;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code rules/thresholds.csv}: id, value, unit, basis, reviewed. Every cell is required. */
final class ThresholdTable {

    static final String FILE = "thresholds.csv";
    private static final List<String> COLUMNS = List.of("id", "value", "unit", "basis", "reviewed");

    private ThresholdTable() {
    }

    static List<Threshold> read(Path rulesDirectory, List<RuleProblem> problems) {
        List<Threshold> thresholds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTables.Row row : CsvTables.read(rulesDirectory.resolve(FILE), COLUMNS, problems)) {
            List<String> empty = COLUMNS.stream().filter(column -> row.cell(column).isEmpty()).toList();
            if (!empty.isEmpty()) {
                problems.add(new RuleProblem(FILE, row.line(), "empty cell(s) " + empty));
                continue;
            }
            String id = row.cell("id");
            if (!seen.add(id)) {
                problems.add(new RuleProblem(FILE, row.line(), "threshold '" + id + "' is defined twice"));
                continue;
            }
            try {
                thresholds.add(new Threshold(id, Double.parseDouble(row.cell("value")), row.cell("unit"),
                        row.cell("basis"), LocalDate.parse(row.cell("reviewed"))));
            } catch (NumberFormatException e) {
                problems.add(new RuleProblem(FILE, row.line(), "value '" + row.cell("value") + "' is not a number"));
            } catch (DateTimeParseException e) {
                problems.add(new RuleProblem(FILE, row.line(),
                        "reviewed '" + row.cell("reviewed") + "' is not a date (YYYY-MM-DD)"));
            }
        }
        return thresholds;
    }
}
