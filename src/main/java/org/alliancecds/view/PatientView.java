package org.alliancecds.view;

import org.alliancecds.admin.PatientChart;

import java.util.List;

/**
 * The JSON of {@code GET /view/api/patient}, the contract of the view's page: the patient's alliance ratings and their
 * cuts, the components of each rating, the symptom series with their caseness and reliable-change lines, the
 * episodes with their sessions, the cards that fire now with their reasons, and the types that could not be read.
 *
 * @param patient         the patient in context
 * @param focus           the rule the launch asked to open on, when the rule base has it; else null (the overview)
 * @param ruleBaseVersion the rule base that judged the data
 * @param today           the site's day the data were judged on
 * @param alliance        every alliance rating, oldest first, normalised to 0–1 (the console's chart points)
 * @param cuts            the low cut of each patient-rated alliance measure present
 * @param components      the scores of the alliance's parts (SRS items; WAI-SR goal, task, bond), oldest first
 * @param symptoms        one series per symptom measure present
 * @param episodes        the treatment episodes, oldest first, with their sessions
 * @param cards           the cards an EHR would get now, each with why
 * @param unreadable      the resource types that could not be read, each with why
 */
public record PatientView(Patient patient, String focus, String ruleBaseVersion, String today,
                          List<PatientChart.AlliancePoint> alliance, List<PatientChart.Cut> cuts,
                          List<Component> components, List<Symptom> symptoms, List<Episode> episodes,
                          List<ViewCard> cards, List<Unreadable> unreadable) {

    public PatientView {
        alliance = List.copyOf(alliance);
        cuts = List.copyOf(cuts);
        components = List.copyOf(components);
        symptoms = List.copyOf(symptoms);
        episodes = List.copyOf(episodes);
        cards = List.copyOf(cards);
        unreadable = List.copyOf(unreadable);
    }

    /** The patient; the name is null (the view asks for no demographics: minimum necessary). */
    public record Patient(String id, String name) {
    }

    /** One part of one alliance rating. */
    public record Component(String date, int episode, int session, String instrument, String component, String label,
                            String rater, double value, Double normalised) {
    }

    /** A symptom measure over time, with the lines the rules judge it by (null where it has none). */
    public record Symptom(String measure, String label, Double max, Double caseness, Double reliableChange,
                          Point baseline, List<Point> points) {
    }

    /** One score of a series, placed in its episode and session. */
    public record Point(String date, int episode, int session, double value) {
    }

    /** A treatment episode: its first and last session days (end null while it is current). */
    public record Episode(int number, String start, String end, List<Session> sessions) {
    }

    /** A session of an episode. */
    public record Session(int session, String date) {
    }

    /** A card as the view shows it. */
    public record ViewCard(String rule, String indicator, String summary, String detail, List<String> why) {
    }

    /** A resource type not read. */
    public record Unreadable(String resourceType, String reason) {
    }
}
