package org.alliancecds.knowledge;

import org.alliancecds.facts.Threshold;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The thresholds table as the Library writes it: CSV for tools, markdown for a reviewer. */
class ThresholdTableTest {

    private static final LocalDate REVIEWED = LocalDate.parse("2026-11-26");

    @Test
    void csvQuotesWhatWouldSplitAFieldAndWritesValuesAsTheTableDoes() {
        List<Threshold> thresholds = List.of(
                new Threshold("a.low", 36.0, "points", "Duncan & Miller, 2003", REVIEWED),
                new Threshold("b.gap", 0.5, "mean \"points\"", "provisional", REVIEWED));
        assertEquals("""
                id,value,unit,basis,reviewed
                a.low,36,points,"Duncan & Miller, 2003",2026-11-26
                b.gap,0.5,"mean ""points\""",provisional,2026-11-26
                """, ThresholdTable.csv(thresholds));
    }

    @Test
    void markdownEscapesWhatWouldSplitACellOrARow() {
        List<Threshold> thresholds = List.of(new Threshold("a|b", 3.0, "x\ny", "provisional", REVIEWED));
        assertEquals("""
                | id | value | unit | basis | reviewed |
                | --- | --- | --- | --- | --- |
                | a\\|b | 3 | x y | provisional | 2026-11-26 |
                """, ThresholdTable.markdown(thresholds));
    }
}
