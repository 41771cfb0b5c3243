package org.alliancecds.fhir.scoring;

import java.util.Map;
import java.util.Optional;

/**
 * How the linkIds of one particular form map onto an instrument: which linkId is which item, and which carries a
 * score the form reports itself.
 *
 * @param definition       the instrument
 * @param itemsByLinkId    linkId → item number
 * @param reportedByLinkId linkId → scale id
 */
public record FormMapping(ScoringDefinition definition, Map<String, Integer> itemsByLinkId,
                          Map<String, String> reportedByLinkId) {

    public FormMapping {
        itemsByLinkId = Map.copyOf(itemsByLinkId);
        reportedByLinkId = Map.copyOf(reportedByLinkId);
    }

    /** The item number a linkId stands for. */
    public Optional<Integer> itemNumber(String linkId) {
        return Optional.ofNullable(itemsByLinkId.get(linkId));
    }

    /** The scale a linkId reports, if it reports one. */
    public Optional<String> reportedScale(String linkId) {
        return Optional.ofNullable(reportedByLinkId.get(linkId));
    }
}
