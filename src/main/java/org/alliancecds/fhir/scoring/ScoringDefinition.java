package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.ScaleRange;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one instrument is scored, read from {@code fhir-profiles/scoring/{instrument}.json}.
 *
 * @param instrument    the key ({@code phq9}); also the last segment of our Questionnaire's canonical URL
 * @param title         the instrument's name for clinicians
 * @param questionnaire the canonical URL of our Questionnaire for it; null for scores that only arrive as
 *                      Observations (MoCA)
 * @param rater         who fills it in: {@code patient} or {@code therapist}
 * @param items         the numbered items, with our linkId and the standard item code where one exists
 * @param answerWeights weight of coded answers by code (LOINC answer lists), used when the Questionnaire gives none
 * @param itemMin       lowest weight an item can have, for reversing items
 * @param itemMax       highest weight an item can have, for reversing items
 * @param scales        the scores computed from the items
 * @param answers       items kept as the coded answer given, not scored (intake: referral source)
 */
public record ScoringDefinition(String instrument, String title, String questionnaire, String rater,
                                List<Item> items, Map<String, Double> answerWeights, double itemMin, double itemMax,
                                List<Scale> scales, List<CodedItem> answers) {

    public static final String PATIENT = "patient";

    public ScoringDefinition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(title, "title");
        rater = rater == null ? PATIENT : rater;
        items = items == null ? List.of() : List.copyOf(items);
        answerWeights = answerWeights == null ? Map.of() : Map.copyOf(answerWeights);
        scales = scales == null ? List.of() : List.copyOf(scales);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /**
     * One numbered item.
     *
     * @param number   the item's number in the published instrument
     * @param linkId   its linkId in our Questionnaire
     * @param code     its standard code (a LOINC item code), or null
     * @param reversed true when the item's weight is reversed (max + min − weight)
     */
    public record Item(int number, String linkId, String code, boolean reversed) {
    }

    /**
     * A score computed from items, from other scales, or reported directly.
     *
     * @param id              the scale's key ({@code total}, {@code item9})
     * @param label           how clinicians name it
     * @param items           numbers of the items it is computed from
     * @param method          {@code sum}, {@code mean}, or {@code combination} (of other scales, by {@code terms})
     * @param minAnswered     fewest answered items for a score; null means every item
     * @param prorate         whether a sum over fewer than all items is scaled up to all of them
     * @param terms           for a combination: other scales' ids and the weight each is multiplied by
     * @param reportedLinkIds linkIds under which a form reports this score itself
     * @param reportedCodes   {@code system|code} under which a form or an Observation reports this score
     * @param construct       what the scale measures, where rules need to know it ({@code alliance}), or null
     * @param range           the lowest and highest score the scale can take, [min, max], or null
     */
    public record Scale(String id, String label, List<Integer> items, String method, Integer minAnswered,
                        boolean prorate, Map<String, Double> terms, List<String> reportedLinkIds,
                        List<String> reportedCodes, String construct, List<Double> range) {

        public static final String COMBINATION = "combination";

        public Scale {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            items = items == null ? List.of() : List.copyOf(items);
            method = method == null ? "sum" : method;
            terms = terms == null ? Map.of() : Map.copyOf(terms);
            reportedLinkIds = reportedLinkIds == null ? List.of() : List.copyOf(reportedLinkIds);
            reportedCodes = reportedCodes == null ? List.of() : List.copyOf(reportedCodes);
        }

        /** Fewest answered items for a score to be given. */
        public int requiredAnswers() {
            return minAnswered == null ? items.size() : minAnswered;
        }

        public boolean combination() {
            return COMBINATION.equals(method);
        }

        /** The range as a fact, or null when the definition gives none. */
        public ScaleRange scaleRange() {
            return range == null || range.size() != 2 ? null : new ScaleRange(range.get(0), range.get(1));
        }
    }

    /**
     * An item whose answer is kept as given, a code or a yes/no, rather than weighed.
     *
     * @param id     the key rules use ({@code referral-source})
     * @param label  how clinicians name it
     * @param linkId its linkId in our Questionnaire
     */
    public record CodedItem(String id, String label, String linkId) {
    }

    /** The item with this number, if the instrument has one. */
    public Optional<Item> item(int number) {
        return items.stream().filter(item -> item.number() == number).findFirst();
    }

    /** The weight an answer counts for, reversing it where the definition says so. */
    public double weigh(Item item, double answerWeight) {
        return item.reversed() ? itemMin + itemMax - answerWeight : answerWeight;
    }
}
