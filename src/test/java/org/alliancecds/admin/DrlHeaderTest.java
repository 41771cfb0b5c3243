package org.alliancecds.admin;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Header paragraphs: joined over their indented lines, ended by a blank comment line or the first code. */
class DrlHeaderTest {

    @Test
    void paragraphsAreJoinedAndEndAtTheCode() {
        String drl = """
                // X-RULE: a title
                //
                // Finding: First line
                //   and its continuation.
                // When: a >= b.low
                // Then: A card.
                // Evidence: Someone 2001.
                package alliance.rules;
                // Finding: not a header any more
                """;
        assertEquals(Map.of("Finding", "First line and its continuation.", "When", "a >= b.low", "Then", "A card.",
                "Evidence", "Someone 2001."), DrlHeader.paragraphs(drl));
    }

    @Test
    void anUnknownParagraphEndsTheOneBeforeIt() {
        String drl = """
                // Finding: kept
                // Note: not a paragraph we show
                //   nor its continuation
                """;
        assertEquals(Map.of("Finding", "kept"), DrlHeader.paragraphs(drl));
    }
}
