package org.alliancecds.rules;

import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds patients' facts for rule tests: scores by instrument, scale, value and day. */
final class Patients {

    private final List<InstrumentScore> scores = new ArrayList<>();

    static Patients patient() {
        return new Patients();
    }

    Patients score(String instrument, String scale, double value, String day) {
        scores.add(InstrumentScore.measured(instrument, scale, instrument + " " + scale, value, LocalDate.parse(day),
                "QuestionnaireResponse/" + instrument + "-" + day, "patient", null, true));
        return this;
    }

    PatientFacts facts() {
        LocalDate lastDay = scores.stream().map(InstrumentScore::date).max(LocalDate::compareTo)
                .orElse(LocalDate.of(2026, 1, 1));
        return PatientFacts.of("p1", scores, List.of(), List.of(), lastDay, PatientFacts.DEFAULT_EPISODE_GAP_DAYS);
    }
}
