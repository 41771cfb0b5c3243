package org.alliancecds.release;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemanticVersionTest {

    @Test
    void readsNumbersAndPrereleaseAndWritesThemBack() {
        SemanticVersion version = SemanticVersion.parse(" 2.10.3-rc.1 \n");
        assertEquals(new SemanticVersion(2, 10, 3, List.of("rc", "1")), version);
        assertEquals("2.10.3-rc.1", version.toString());
        assertTrue(version.isPrerelease());
        assertFalse(SemanticVersion.parse("2.0.0").isPrerelease());
    }

    @Test
    void ordersBySemverPrecedenceIncludingPrereleases() {
        // The example of Semantic Versioning 2.0.0, section 11, with normal versions around it.
        List<String> ordered = List.of("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.9.0", "1.10.0", "2.0.0");
        List<SemanticVersion> shuffled = new ArrayList<>(ordered.stream().map(SemanticVersion::parse).toList());
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 2, 7);
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(SemanticVersion::toString).toList());
        assertEquals(0, SemanticVersion.parse("1.0.0-rc.1").compareTo(SemanticVersion.parse("1.0.0-rc.1")));
    }

    @Test
    void numericIdentifiersCompareAsNumbersOfAnyLength() {
        assertTrue(SemanticVersion.parse("1.0.0-99999999999").compareTo(SemanticVersion.parse("1.0.0-100000000000"))
                < 0);
        assertTrue(SemanticVersion.parse("1.0.0-2").compareTo(SemanticVersion.parse("1.0.0-a")) < 0,
                "numeric before alphanumeric");
    }

    @Test
    void refusesWhatIsNotASemanticVersionSayingWhy() {
        for (String bad : List.of("2.0", "2.0.0.1", "v2.0.0", "02.0.0", "2.0.0-", "2.0.0-rc..1", "2.0.0-01",
                "2.0.0-rc_1", "2.0.0 beta")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SemanticVersion.parse(bad), bad);
            assertTrue(refused.getMessage().contains("is not a semantic version: expected MAJOR.MINOR.PATCH"),
                    refused.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse("2.0.0+abc"))
                .getMessage().contains("build metadata"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse("  "))
                .getMessage().contains("no version given"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse("3000000000.0.0"))
                .getMessage().contains("larger than"));
    }
}
