package org.alliancecds.cards;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.alliancecds.rules.RuleMetadata;

import java.util.Optional;

/**
 * The SMART link that opens the clinician view on a card's finding: only where the site set the view's launch URL
 * ({@code cds.view.launch-url}), and only on cards of rules that read a trajectory ({@code @view("trajectory")}),
 * since the view shows scores over sessions. The EHR launches the URL with its {@code iss} and {@code launch} and
 * hands the view {@code appContext}, which names the rule so that the view opens on its data.
 */
public final class ViewLink {

    /** What the link says to the clinician. */
    public static final String LABEL = "Open the alliance and symptom trajectory";

    /** No launch URL: cards carry no link to the view. */
    public static final ViewLink NONE = new ViewLink(null);

    private final String launchUrl;

    private ViewLink(String launchUrl) {
        this.launchUrl = launchUrl;
    }

    /** The link of the launch URL, or {@link #NONE} when the setting is absent or blank. */
    public static ViewLink to(Optional<String> launchUrl) {
        return launchUrl.map(String::trim).filter(url -> !url.isEmpty()).map(ViewLink::new).orElse(NONE);
    }

    /** The link for a card of the rule, if it gets one. */
    Optional<Card.Link> forRule(RuleMetadata rule) {
        if (launchUrl == null || !rule.readsTrajectory()) {
            return Optional.empty();
        }
        return Optional.of(new Card.Link(LABEL, launchUrl, "smart", appContext(rule.id())));
    }

    /** {@code {"rule":"NOT-ON-TRACK"}}: appContext is a string in CDS Hooks, here one of JSON. */
    static String appContext(String ruleId) {
        return JsonNodeFactory.instance.objectNode().put("rule", ruleId).toString();
    }
}
