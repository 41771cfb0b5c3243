package org.alliancecds.admin;

import org.alliancecds.facts.AllianceRating;
import org.alliancecds.facts.AllianceTrajectory;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.facts.Threshold;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console draws for a patient: every alliance rating normalised to 0–1 (the scale rules compare across
 * instruments), the current episode's trajectory, and the symptom scores over time.
 *
 * @param alliance   every alliance rating, oldest first
 * @param cuts       the low cut of each alliance measure present, normalised as its ratings are
 * @param trajectory the patient's ratings in the current episode: episode, slope per session, points
 * @param symptoms   one series per symptom measure present, each oldest first
 * @param scores     every score of the patient, newest first: the data the rules saw
 */
public record PatientChart(List<AlliancePoint> alliance, List<Cut> cuts, Trajectory trajectory,
                           List<Series> symptoms, List<Score> scores) {

    /**
     * The symptom measures, in the order the chart's legend lists them. The other instruments measure the
     * alliance (drawn on their own), readiness, perfectionism or cognition, which are not symptoms to follow.
     */
    static final List<String> SYMPTOM_MEASURES = List.of("phq9.total", "gad7.total", "audit.total", "dast10.total");

    /** One alliance rating. */
    public record AlliancePoint(String date, int episode, int session, String instrument, String label, String rater,
                                double value, double normalised, boolean currentEpisode) {
    }

    /** The threshold below which a patient's rating on this measure is low ({@code srs.total.low}). */
    public record Cut(String measure, String label, String threshold, double value, double normalised) {
    }

    /** The current episode's patient-rated alliance: slope per session of the normalised ratings. */
    public record Trajectory(int episode, double slope, int points) {
    }

    /** One measure over time. */
    public record Series(String measure, String label, List<Score> points) {
    }

    /** One score as the rules saw it. */
    public record Score(String measure, String label, double value, String date, int episode, int session,
                        String source, boolean latest) {

        static Score of(InstrumentScore score) {
            return new Score(score.measure(), score.label(), score.value(), score.date().toString(), score.episode(),
                    score.session(), score.source(), score.latest());
        }
    }

    public PatientChart {
        alliance = List.copyOf(alliance);
        cuts = List.copyOf(cuts);
        symptoms = List.copyOf(symptoms);
        scores = List.copyOf(scores);
    }

    /** The chart of the facts, its cuts from the rule base's thresholds: the console's and the clinician view's. */
    public static PatientChart of(PatientFacts facts, List<Threshold> thresholds) {
        int current = facts.currentEpisode().number();
        List<AlliancePoint> alliance = facts.alliance().ratings().stream()
                .sorted(Comparator.comparing(AllianceRating::date).thenComparing(AllianceRating::session))
                .map(rating -> new AlliancePoint(rating.date().toString(), rating.episode(), rating.session(),
                        rating.instrument(), rating.score().label(), rating.rater(), rating.value(),
                        rating.normalised(), rating.episode() == current))
                .toList();
        AllianceTrajectory trajectory = facts.alliance().trajectory();
        Map<String, List<Score>> byMeasure = new LinkedHashMap<>();
        SYMPTOM_MEASURES.forEach(measure -> byMeasure.put(measure, facts.scores().stream()
                .filter(score -> score.measure().equals(measure))
                .sorted(Comparator.comparing(InstrumentScore::date))
                .map(Score::of).toList()));
        List<Series> symptoms = byMeasure.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new Series(entry.getKey(), entry.getValue().get(0).label(), entry.getValue()))
                .toList();
        Trajectory now = new Trajectory(trajectory.episode(), trajectory.slope(), trajectory.points());
        return new PatientChart(alliance, cuts(facts, thresholds), now, symptoms,
                facts.scores().stream().map(Score::of).toList());
    }

    static PatientChart empty() {
        return new PatientChart(List.of(), List.of(), null, List.of(), List.of());
    }

    /** Only patient ratings have low cuts: the rules judge the alliance by the patient's view. */
    private static List<Cut> cuts(PatientFacts facts, List<Threshold> thresholds) {
        Map<String, Cut> cuts = new LinkedHashMap<>();
        for (AllianceRating rating : facts.alliance().ratings()) {
            if (!rating.patientRated() || cuts.containsKey(rating.measure())) {
                continue;
            }
            thresholds.stream().filter(threshold -> threshold.id().equals(rating.lowThreshold())).findFirst()
                    .ifPresent(threshold -> cuts.put(rating.measure(), new Cut(rating.measure(),
                            rating.score().label(), threshold.id(), threshold.value(),
                            rating.normalise(threshold.value()))));
        }
        return List.copyOf(cuts.values());
    }
}
