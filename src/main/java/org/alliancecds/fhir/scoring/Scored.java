package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.InstrumentScore;

import java.util.ArrayList;
import java.util.List;

/** The scores and coded answers taken from a set of resources, and the notes on what was not scored and why. */
public record Scored(List<InstrumentScore> scores, List<CodedAnswer> answers, List<ScoringNote> notes) {

    public Scored {
        scores = List.copyOf(scores);
        answers = List.copyOf(answers);
        notes = List.copyOf(notes);
    }

    public static Scored note(String source, String message) {
        return new Scored(List.of(), List.of(), List.of(new ScoringNote(source, message)));
    }

    /**
     * The scores, answers and notes of every part, in order. Joined once at the end: joining part by part copied
     * everything scored so far for every resource, which grew with the square of the patient's history
     * (BENCHMARKS.md, History size).
     */
    public static Scored all(List<Scored> parts) {
        List<InstrumentScore> scores = new ArrayList<>();
        List<CodedAnswer> answers = new ArrayList<>();
        List<ScoringNote> notes = new ArrayList<>();
        for (Scored part : parts) {
            scores.addAll(part.scores);
            answers.addAll(part.answers);
            notes.addAll(part.notes);
        }
        return new Scored(scores, answers, notes);
    }
}
