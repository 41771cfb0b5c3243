package org.alliancecds.hooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Text that JSON can spell but Unicode cannot hold: half a surrogate pair, written as an escape. (The bodies below
 * hold the six characters of an escape such as {@code \\uD83D}, as an EHR would send them.)
 */
class JsonTest {

    @Test
    void halfAPairInAValueIsRefusedNamingWhere() {
        CdsProblem problem = assertThrows(CdsProblem.class, () -> Json.read("""
                {"feedback": [{"card": "\\uD83Df1d2c3b-0000-4000-8000-000000000002", "outcome": "overridden"}]}"""));

        assertEquals(400, problem.status());
        assertEquals("the request body's text at feedback[0].card is not valid Unicode: it holds half of a surrogate "
                + "pair (\\uD83D)", problem.getMessage());
    }

    @Test
    void aLowHalfAloneInAMemberNameIsRefusedToo() {
        CdsProblem problem = assertThrows(CdsProblem.class, () -> Json.read("""
                {"context": {"x\\uDC00y": 1}}"""));

        assertEquals("the request body's text at a member name in context is not valid Unicode: it holds half of a "
                + "surrogate pair (\\uDC00)", problem.getMessage());
    }

    @Test
    void anUpperOrLowerCaseEscapeIsNoticedAlike() {
        assertThrows(CdsProblem.class, () -> Json.read("""
                {"hookInstance": "\\udbff-x"}"""));
        assertThrows(CdsProblem.class, () -> Json.read("""
                ["\\u0041", "\\uDFFF"]"""));
    }

    @Test
    void negativeControlAWholePairAndPlainTextAreRead() {
        assertEquals("\uD83D\uDE00 ok", assertDoesNotThrow(() -> Json.read("""
                {"note": "\\uD83D\\uDE00 ok"}""")).path("note").textValue());
    }
}
