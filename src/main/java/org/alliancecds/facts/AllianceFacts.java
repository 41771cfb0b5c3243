package org.alliancecds.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the scores say about the alliance, computed once: every rating normalised, the patient's trajectory in the
 * current episode, and the changes between consecutive patient ratings on the same instrument.
 *
 * @param ratings    every alliance rating, patient's and therapist's
 * @param trajectory the patient's ratings in the current episode
 * @param changes    consecutive patient ratings on one instrument in the current episode
 */
public record AllianceFacts(List<AllianceRating> ratings, AllianceTrajectory trajectory,
                            List<AllianceChange> changes) {

    public static final String ALLIANCE = "alliance";

    private static final Comparator<AllianceRating> IN_ORDER = Comparator.comparing(AllianceRating::date)
            .thenComparing(AllianceRating::session);

    public AllianceFacts {
        ratings = List.copyOf(ratings);
        changes = List.copyOf(changes);
    }

    static AllianceFacts of(List<InstrumentScore> placed, TreatmentEpisode current) {
        List<InstrumentScore> alliance = placed.stream()
                .filter(score -> ALLIANCE.equals(score.construct()) && score.range() != null).toList();
        List<AllianceRating> ratings = new ArrayList<>();
        for (InstrumentScore score : alliance) {
            boolean newest = newestOfRater(alliance, score.rater()).filter(score::equals).isPresent();
            ratings.add(new AllianceRating(score, score.range().normalise(score.value()), newest));
        }
        List<AllianceRating> patientNow = ratings.stream()
                .filter(rating -> rating.patientRated() && rating.episode() == current.number())
                .sorted(IN_ORDER).toList();
        return new AllianceFacts(ratings, AllianceTrajectory.of(current.number(), patientNow), changes(patientNow));
    }

    private static Optional<InstrumentScore> newestOfRater(List<InstrumentScore> alliance, String rater) {
        return alliance.stream().filter(score -> score.rater().equals(rater))
                .max(Comparator.comparing(InstrumentScore::date).thenComparing(InstrumentScore::session));
    }

    private static List<AllianceChange> changes(List<AllianceRating> ordered) {
        List<AllianceChange> changes = new ArrayList<>();
        for (int later = 1; later < ordered.size(); later++) {
            AllianceRating after = ordered.get(later);
            for (int earlier = later - 1; earlier >= 0; earlier--) {
                if (ordered.get(earlier).instrument().equals(after.instrument())) {
                    changes.add(new AllianceChange(ordered.get(earlier), after));
                    break;
                }
            }
        }
        return changes;
    }
}
