package org.alliancecds.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the scores say about the alliance, computed once: every rating normalised, the patient's trajectory in the
 * current episode, and the changes between consecutive patient ratings on the same instrument.
 *
 * @param ratings      every alliance rating, patient's and therapist's
 * @param trajectory   the patient's ratings in the current episode, all instruments on the normalised scale (for
 *                     charts: SRS and WAI-SR are not comparable enough for rules to judge a slope across them)
 * @param trajectories the patient's ratings in the current episode, one trajectory per instrument
 * @param changes      consecutive patient ratings on one instrument in the current episode
 */
public record AllianceFacts(List<AllianceRating> ratings, AllianceTrajectory trajectory,
                            List<AllianceTrajectory> trajectories, List<AllianceChange> changes) {

    public static final String ALLIANCE = "alliance";

    private static final Comparator<AllianceRating> IN_ORDER = Comparator.comparing(AllianceRating::date)
            .thenComparing(AllianceRating::session);

    public AllianceFacts {
        ratings = List.copyOf(ratings);
        trajectories = List.copyOf(trajectories);
        changes = List.copyOf(changes);
    }

    /** The ratings of the current episode, which are all the rules may read of the alliance. */
    public List<AllianceRating> currentEpisodeRatings() {
        return ratings.stream().filter(rating -> rating.episode() == trajectory.episode()).toList();
    }

    static AllianceFacts of(List<InstrumentScore> placed, TreatmentEpisode current) {
        List<InstrumentScore> alliance = placed.stream()
                .filter(score -> ALLIANCE.equals(score.construct()) && score.range() != null).toList();
        List<AllianceRating> ratings = new ArrayList<>();
        for (InstrumentScore score : alliance) {
            boolean newest = score.current()
                    && newestOfRater(alliance, score.rater()).filter(score::equals).isPresent();
            ratings.add(new AllianceRating(score, score.range().normalise(score.value()), newest));
        }
        List<AllianceRating> patientNow = ratings.stream()
                .filter(rating -> rating.patientRated() && rating.episode() == current.number())
                .sorted(IN_ORDER).toList();
        List<AllianceTrajectory> perInstrument = patientNow.stream().map(AllianceRating::instrument).distinct()
                .map(instrument -> AllianceTrajectory.of(current.number(), instrument, patientNow.stream()
                        .filter(rating -> rating.instrument().equals(instrument)).toList()))
                .toList();
        return new AllianceFacts(ratings, AllianceTrajectory.of(current.number(), null, patientNow), perInstrument,
                changes(patientNow));
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
