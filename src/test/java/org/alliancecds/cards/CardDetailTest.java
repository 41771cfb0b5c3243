package org.alliancecds.cards;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleBaseCompiler;
import org.alliancecds.rules.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the EHR sent reaches card markdown as text: its markup does nothing, its line breaks break no table. */
class CardDetailTest {

    private static final RuleBase RULES = new RuleBaseCompiler(Clock.systemUTC()).compile(Path.of("rules"));
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final String HOSTILE = "**urgent** [call](https://evil.example) <img src=x onerror=alert(1)> `x`\n"
            + "| forged | row |";

    private static String detail(CodedAnswer answer, InstrumentScore score) {
        RuleMetadata rule = RULES.rule("SUICIDE-RISK-ITEM").orElseThrow();
        Finding finding = new Finding(rule.id(), "", List.of(score), List.of(answer), List.of(), false);
        return CardDetail.markdown(finding, rule, RULES.version(), TODAY);
    }

    private static InstrumentScore score(String source) {
        return InstrumentScore.measured("phq9", "item9", "PHQ-9 item 9", 2, TODAY, source, "patient", null, true)
                .judged(true);
    }

    @Test
    void anAnswerTheEhrSentIsEscaped() {
        String md = detail(new CodedAnswer("intake", "referral-source", "Referral source", HOSTILE, TODAY,
                "QuestionnaireResponse/q1", true), score("QuestionnaireResponse/r1"));
        assertFalse(md.contains("**urgent**"), md);
        assertFalse(md.contains("[call](https://evil.example)"), md);
        assertFalse(md.matches("(?s).*(?<!\\\\)<img.*"), "an unescaped tag: " + md);
        assertFalse(md.contains("\n| forged"), md);
        assertTrue(md.contains("\\*\\*urgent\\*\\* \\[call\\]\\(https\\://evil.example\\) \\<img"), md);
        assertTrue(md.contains("\\`x\\` \\| forged \\| row \\|"), md);
    }

    @Test
    void aSourceIsEscapedToo() {
        String md = detail(new CodedAnswer("intake", "mandated", "Mandated", "true", TODAY, "Bad_*source*", true),
                score("Observation/_x_"));
        assertTrue(md.contains("| Bad\\_\\*source\\* |"), md);
        assertTrue(md.contains("| Observation/\\_x\\_ |"), md);
    }

    /** Negative control: our own markdown (the rule's, the table's) stays markdown, and plain values stay plain. */
    @Test
    void ourMarkupAndPlainValuesAreUntouched() {
        String md = detail(new CodedAnswer("intake", "referral-source", "Referral source", "self-referral", TODAY,
                "QuestionnaireResponse/q-1.2", true), score("QuestionnaireResponse/r1"));
        assertTrue(md.startsWith("**Why this card**\n\n| Measure | Score | Date | Source |\n|---|---|---|---|\n"), md);
        assertTrue(md.contains("| Referral source | self-referral | 2026-03-02 (today) | QuestionnaireResponse/q-1.2 |"),
                md);
        assertTrue(md.contains("| PHQ-9 item 9 | 2 | 2026-03-02 (today) | QuestionnaireResponse/r1 |"), md);
    }
}
