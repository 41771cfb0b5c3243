package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.InstrumentScore;

import java.util.ArrayList;
import java.util.List;

/** The scores taken from a set of resources, and the notes on what was not scored and why. */
public record Scored(List<InstrumentScore> scores, List<ScoringNote> notes) {

    public static final Scored NOTHING = new Scored(List.of(), List.of());

    public Scored {
        scores = List.copyOf(scores);
        notes = List.copyOf(notes);
    }

    public static Scored note(String source, String message) {
        return new Scored(List.of(), List.of(new ScoringNote(source, message)));
    }

    public Scored plus(Scored other) {
        List<InstrumentScore> allScores = new ArrayList<>(scores);
        allScores.addAll(other.scores);
        List<ScoringNote> allNotes = new ArrayList<>(notes);
        allNotes.addAll(other.notes);
        return new Scored(allScores, allNotes);
    }
}
