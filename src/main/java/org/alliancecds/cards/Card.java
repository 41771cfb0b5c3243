package org.alliancecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A CDS Hooks card, shaped as the specification's JSON.
 *
 * @param uuid              unique per card, so feedback can name it
 * @param summary           under 140 characters
 * @param indicator         info, warning or critical
 * @param detail            GitHub-flavoured markdown
 * @param source            who says so, with the rule as topic
 * @param suggestions       actions the clinician may accept
 * @param selectionBehavior how many suggestions may be chosen; present whenever suggestions are
 * @param overrideReasons   reasons a clinician may give for not following the card
 * @param links             where to read more
 * @param extension         the versions of the rule and the rule base that made the card
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(String uuid, String summary, String indicator, String detail, Source source,
                   List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons,
                   List<Link> links, Extension extension) {

    /** The card's source; {@code topic} names the rule. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String label, String url, Coding topic) {
    }

    /** The spec's Coding (CDS Hooks 2.0, "Data Types: Coding"): system, code and display, nothing else. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {
    }

    /**
     * The card's {@code extension} object: CDS Hooks 2.0 ("Extensions") reserves that name for data the spec does
     * not define, with names in reverse-domain notation. A Coding has no room for versions, so they travel here.
     *
     * @param ruleVersion     the rule's own {@code @version}
     * @param ruleBaseVersion the version of the rule base in service when the card was made
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Extension(@JsonProperty("org.alliance-cds.rule-version") String ruleVersion,
                            @JsonProperty("org.alliance-cds.rule-base-version") String ruleBaseVersion) {
    }

    /** A suggestion of actions. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
    }

    /** One action of a suggestion; {@code resource} is FHIR JSON. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(String type, String description, Object resource) {
    }

    /**
     * A link to read more ({@code type} absolute) or a SMART app to launch ({@code type} smart), which the EHR
     * launches with {@code appContext} passed through to the app.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String url, String type, String appContext) {

        /** A link without appContext. */
        public Link(String label, String url, String type) {
            this(label, url, type, null);
        }
    }
}
