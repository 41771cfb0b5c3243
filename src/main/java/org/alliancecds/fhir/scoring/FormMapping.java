package org.alliancecds.fhir.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * How the linkIds of one particular form map onto an instrument: which linkId is which item, which carries a score
 * the form reports itself, which holds a coded answer, and what the form's own answer options weigh.
 *
 * @param definition       the instrument
 * @param itemsByLinkId    linkId → item number
 * @param reportedByLinkId linkId → scale id
 * @param codedByLinkId    linkId → coded item id
 * @param optionWeights    linkId → answer code → weight, from the form's Questionnaire when it gives them
 */
public record FormMapping(ScoringDefinition definition, Map<String, Integer> itemsByLinkId,
                          Map<String, String> reportedByLinkId, Map<String, String> codedByLinkId,
                          Map<String, Map<String, Double>> optionWeights) {

    public FormMapping {
        itemsByLinkId = Map.copyOf(itemsByLinkId);
        reportedByLinkId = Map.copyOf(reportedByLinkId);
        codedByLinkId = Map.copyOf(codedByLinkId);
        optionWeights = Map.copyOf(optionWeights);
    }

    /** The item number a linkId stands for. */
    public Optional<Integer> itemNumber(String linkId) {
        return Optional.ofNullable(itemsByLinkId.get(linkId));
    }

    /** The scale a linkId reports, if it reports one. */
    public Optional<String> reportedScale(String linkId) {
        return Optional.ofNullable(reportedByLinkId.get(linkId));
    }

    /** The coded item a linkId holds, if any. */
    public Optional<String> codedItem(String linkId) {
        return Optional.ofNullable(codedByLinkId.get(linkId));
    }

    /** What the form's own options weigh for this linkId; empty when the form says nothing. */
    public Map<String, Double> weightsFor(String linkId) {
        return optionWeights.getOrDefault(linkId, Map.of());
    }

    /** Whether the form maps anything onto the instrument at all. */
    public boolean isEmpty() {
        return itemsByLinkId.isEmpty() && reportedByLinkId.isEmpty() && codedByLinkId.isEmpty();
    }
}
