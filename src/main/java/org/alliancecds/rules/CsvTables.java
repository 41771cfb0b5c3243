package org.alliancecds.rules;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the CSV tables of {@code rules/} (header row, then one row per entry) as maps by column name. */
final class CsvTables {

    private static final CsvMapper CSV = new CsvMapper();
    /** Line 1 is the header; cells never span lines in these tables. */
    private static final int FIRST_DATA_LINE = 2;

    /** A row with the line it stands on, for error messages. */
    record Row(int line, Map<String, String> cells) {
        String cell(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.trim();
        }
    }

    private CsvTables() {
    }

    static List<Row> read(Path file, List<String> requiredColumns, List<RuleProblem> problems) {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> reader =
                     CSV.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
            while (reader.hasNextValue()) {
                rows.add(new Row(rows.size() + FIRST_DATA_LINE, reader.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(name, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
        List<String> missing = rows.isEmpty() ? List.of()
                : requiredColumns.stream().filter(column -> !rows.get(0).cells().containsKey(column)).toList();
        if (!missing.isEmpty()) {
            problems.add(new RuleProblem(name, 1, "missing column(s) " + missing));
            return List.of();
        }
        return rows;
    }
}
