package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.InstrumentScore;

import java.util.ArrayList;
import java.util.List;

/** The scores and coded answers taken from a set of resources, and the notes on what was not scored and why. */
public record Scored(List<InstrumentScore> scores, List<CodedAnswer> answers, List<ScoringNote> notes) {

    public static final Scored NOTHING = new Scored(List.of(), List.of(), List.of());

    public Scored {
        scores = List.copyOf(scores);
        answers = List.copyOf(answers);
        notes = List.copyOf(notes);
    }

    public static Scored note(String source, String message) {
        return new Scored(List.of(), List.of(), List.of(new ScoringNote(source, message)));
    }

    public Scored plus(Scored other) {
        return new Scored(joined(scores, other.scores), joined(answers, other.answers), joined(notes, other.notes));
    }

    private static <T> List<T> joined(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
