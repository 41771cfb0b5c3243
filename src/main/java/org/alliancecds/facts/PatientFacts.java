package org.alliancecds.facts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the rules may know about one patient: the scores of every instrument we read, with the newest of
 * each measure marked. Built once per request; immutable.
 *
 * @param patientId the FHIR id of the patient (without the {@code Patient/} prefix)
 * @param scores    all scores, newest first, each measure's newest marked {@link InstrumentScore#latest()}
 */
public record PatientFacts(String patientId, List<InstrumentScore> scores) {

    private static final Comparator<InstrumentScore> NEWEST_FIRST =
            Comparator.comparing(InstrumentScore::date).reversed();

    public PatientFacts {
        scores = List.copyOf(scores);
    }

    /** Orders the scores newest first and marks the newest of each measure. */
    public static PatientFacts of(String patientId, List<InstrumentScore> unordered) {
        List<InstrumentScore> ordered = unordered.stream().sorted(NEWEST_FIRST).toList();
        Map<String, InstrumentScore> newest = ordered.stream()
                .collect(Collectors.toMap(InstrumentScore::measure, Function.identity(), (first, later) -> first));
        List<InstrumentScore> marked = ordered.stream()
                .map(score -> newest.get(score.measure()) == score ? score.asLatest() : score)
                .toList();
        return new PatientFacts(patientId, marked);
    }
}
