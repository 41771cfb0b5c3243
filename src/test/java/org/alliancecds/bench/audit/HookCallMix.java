package org.alliancecds.bench.audit;

import org.alliancecds.audit.CardAudit;
import org.alliancecds.audit.FeedbackAudit;
import org.alliancecds.audit.InvocationAudit;
import org.alliancecds.cards.Card;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.common.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The audit entries of simulated hook calls, as the HTTP boundary hands them to the audit: one invocation with 0 to 4
 * cards (1.8 on average), an answer to one of its cards on 40 % of the calls that showed any, a second answer to the
 * same card on 8 % of those (the first then superseded), and now and then feedback on a card the audit does not
 * know. That is about 3.1 rows per call: 3.2 M calls a day make the network's 10 M rows. 100,000 clinicians, each
 * with a panel of 25 patients; the rules and override reasons are the shipped ones.
 */
final class HookCallMix {

    static final int CLINICIANS = 100_000;
    static final int PANEL = 25;
    static final String SERVICE = "alliance-patient-view";
    private static final List<String> RULES = List.of("ALLIANCE-LOW-NOW", "ALLIANCE-NOT-FORMED",
            "ALLIANCE-NOT-MEASURED", "ALLIANCE-RUPTURE", "ANXIETY-PERCEPTION", "COGNITIVE-PERCEPTION",
            "CONFRONTATION-RISK", "LOW-ABSTINENCE-CONFIDENCE", "LOW-READINESS", "MANDATED-ALLIANCE-CRITICAL",
            "NOT-ON-TRACK", "PERFECTIONISM-STALL", "RATER-DISCREPANCY", "SEVERE-SYMPTOM-SENSITIVITY",
            "STYLE-PREFERENCE-UNKNOWN", "SUD-RETENTION-RISK", "SUICIDE-RISK-ITEM");
    private static final List<String> INDICATORS = List.of("info", "warning", "critical");
    private static final double[] CARDS = {0.25, 0.20, 0.20, 0.20, 0.15};

    /** One simulated call: its invocation and the feedback items that follow it, in the order they arrive. */
    record Call(InvocationAudit invocation, List<FeedbackAudit> feedback, String patientId, String userId) {

        int rows() {
            return 1 + invocation.cards().size() + feedback.size();
        }
    }

    private final SplittableRandom random;
    private final List<Card.Coding> reasons = CardAssembler.overrideReasons();

    HookCallMix(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A call received at {@code at}, answered by {@code ruleBase}; its feedback arrives in the minutes after. */
    Call next(Instant at, String ruleBase) {
        int user = random.nextInt(CLINICIANS);
        String userId = "Practitioner/" + user;
        String patientId = "pt-" + (user * PANEL + random.nextInt(PANEL));
        Caller caller = new Caller("https://ehr-" + (user % 20) + ".example.org", "clinic-" + (user % 500));
        int status = status();
        List<CardAudit> cards = status == 200 ? cards() : List.of();
        InvocationAudit invocation = new InvocationAudit(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                SERVICE, "patient-view", at, caller, status == 200 ? ruleBase : null,
                cards.stream().map(CardAudit::ruleId).toList(), cards, status,
                status == 200 ? null : status == 412 ? "not-found" : "security", 20 + random.nextInt(380),
                patientId, userId);
        return new Call(invocation, feedback(cards, at, caller), patientId, userId);
    }

    private int status() {
        double draw = random.nextDouble();
        return draw < 0.97 ? 200 : draw < 0.99 ? 412 : 401;
    }

    private List<CardAudit> cards() {
        double draw = random.nextDouble();
        int count = 0;
        double below = CARDS[0];
        while (draw >= below && count < CARDS.length - 1) {
            count++;
            below += CARDS[count];
        }
        List<CardAudit> cards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String rule = RULES.get(random.nextInt(RULES.size()));
            cards.add(new CardAudit(UUID.randomUUID().toString(), rule, "2.0.0",
                    INDICATORS.get(random.nextInt(INDICATORS.size())), "score=" + (10 + random.nextInt(50))));
        }
        return cards;
    }

    private List<FeedbackAudit> feedback(List<CardAudit> cards, Instant shown, Caller caller) {
        List<FeedbackAudit> items = new ArrayList<>(2);
        if (!cards.isEmpty() && random.nextDouble() < 0.40) {
            String card = cards.get(random.nextInt(cards.size())).uuid();
            Instant answered = shown.plusSeconds(5 + random.nextInt(600));
            items.add(answer(card, answered, caller));
            if (random.nextDouble() < 0.08) {
                items.add(answer(card, answered.plusSeconds(30 + random.nextInt(600)), caller));
            }
        }
        if (random.nextDouble() < 0.005) {
            items.add(answer(UUID.randomUUID().toString(), shown.plusSeconds(60), caller));
        }
        return items;
    }

    private FeedbackAudit answer(String card, Instant answered, Caller caller) {
        boolean accepted = random.nextDouble() < 0.45;
        Card.Coding reason = reasons.get(random.nextInt(reasons.size()));
        return new FeedbackAudit(UUID.randomUUID().toString(), SERVICE, card, accepted ? "accepted" : "overridden",
                accepted ? List.of(UUID.randomUUID().toString()) : List.of(),
                accepted ? null : reason.system(), accepted ? null : reason.code(),
                random.nextDouble() < 0.2 ? Integer.valueOf(random.nextInt(200)) : null,
                answered.minusSeconds(2), answered, caller);
    }
}
