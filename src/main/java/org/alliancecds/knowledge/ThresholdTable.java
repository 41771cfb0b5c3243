package org.alliancecds.knowledge;

import org.alliancecds.facts.Threshold;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The thresholds table written out twice: as CSV in the columns of {@code rules/thresholds.csv}, for tools, and as
 * a markdown table, for a reviewer reading the Library. Values are written as the table has them ({@code 36}, not
 * {@code 36.0}).
 */
final class ThresholdTable {

    private static final List<String> COLUMNS = List.of("id", "value", "unit", "basis", "reviewed");

    private ThresholdTable() {
    }

    static String csv(List<Threshold> thresholds) {
        return Stream.concat(Stream.of(COLUMNS), thresholds.stream().map(ThresholdTable::cells))
                .map(cells -> cells.stream().map(ThresholdTable::csvField).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String markdown(List<Threshold> thresholds) {
        String header = row(COLUMNS) + "\n" + row(COLUMNS.stream().map(column -> "---").toList()) + "\n";
        return thresholds.stream().map(ThresholdTable::cells).map(ThresholdTable::row)
                .collect(Collectors.joining("\n", header, "\n"));
    }

    /** A cut-off as the table writes it. */
    static String value(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static List<String> cells(Threshold threshold) {
        return List.of(threshold.id(), value(threshold.value()), threshold.unit(), threshold.basis(),
                threshold.reviewed().toString());
    }

    private static String csvField(String text) {
        boolean quoted = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String row(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " "))
                .collect(Collectors.joining(" | ", "| ", " |"));
    }
}
