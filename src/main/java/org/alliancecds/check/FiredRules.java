package org.alliancecds.check;

import org.alliancecds.cards.Card;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that fired on a call, as an EHR can tell from the cards: each card's rule, and the rules past the card
 * cap that the first card lists under "Also:", each line ending in "(rule ID)".
 */
public final class FiredRules {

    private static final Pattern ALSO_LINE = Pattern.compile("^- .*\\(rule ([A-Z0-9-]+)\\)$", Pattern.MULTILINE);

    private FiredRules() {
    }

    public static Set<String> of(List<Card> cards) {
        Set<String> fired = new LinkedHashSet<>();
        for (Card card : cards) {
            fired.add(card.source().topic().code());
            int also = card.detail().indexOf("**Also:**");
            if (also >= 0) {
                Matcher line = ALSO_LINE.matcher(card.detail().substring(also));
                while (line.find()) {
                    fired.add(line.group(1));
                }
            }
        }
        return fired;
    }
}
